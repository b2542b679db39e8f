package org.clearpost.publisher.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.clearpost.publisher.domain.PublishingControl;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/publishing/state")
@SecurityRequirement(name = "SecurityScheme")
public class PublishingStateResource {

    private final PublishingControl control;

    public PublishingStateResource(PublishingControl control) {
        this.control = control;
    }

    /** Whether the publisher is holding publications, as it has applied clearance's emergency stop. */
    @GET
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.ADMIN })
    public PublishingStateView state() {
        return control.inForce().map(PublishingStateView::suspended).orElse(PublishingStateView.RUNNING);
    }
}
