package org.clearpost.analytics.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.clearpost.analytics.domain.EventCountService;
import org.clearpost.analytics.domain.EventCounts;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/figures")
@SecurityRequirement(name = "SecurityScheme")
public class FiguresResource {

    private final EventCountService counts;

    public FiguresResource(EventCountService counts) {
        this.counts = counts;
    }

    /** How many events of each type were seen, overall and per network. */
    @GET
    @Path("counts")
    @RolesAllowed({ Roles.ANALYST, Roles.ADMIN })
    public EventCounts counts() {
        return counts.counts();
    }
}
