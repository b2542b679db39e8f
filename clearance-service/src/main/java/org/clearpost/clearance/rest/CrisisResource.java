package org.clearpost.clearance.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.clearance.crisis.CrisisMode;
import org.clearpost.clearance.crisis.CrisisService;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Crisis mode: while on, new cases take the crisis route (one step, by a lead). */
@Path("/crisis-mode")
@SecurityRequirement(name = "SecurityScheme")
public class CrisisResource {

    public record CrisisView(UUID id, String startedBy, String reason, Instant startedAt, String endedBy,
            String endReason, Instant endedAt) {

        static CrisisView of(CrisisMode c) {
            return new CrisisView(c.id, c.startedBy, c.reason, c.startedAt, c.endedBy, c.endReason, c.endedAt);
        }
    }

    /** {@code current} is crisis mode in force, null while it is off; {@code history} is newest first. */
    public record StateView(boolean on, CrisisView current, List<CrisisView> history) {
    }

    private final CrisisService crisis;
    private final SecurityIdentity identity;

    public CrisisResource(CrisisService crisis, SecurityIdentity identity) {
        this.crisis = crisis;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.CLEARER, Roles.LEAD, Roles.ADMIN })
    public StateView crisisState() {
        List<CrisisMode> history = crisis.history();
        boolean on = !history.isEmpty() && history.get(0).on();
        return new StateView(on, on ? CrisisView.of(history.get(0)) : null,
                history.stream().map(CrisisView::of).toList());
    }

    @POST
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public CrisisView turnCrisisOn(@Valid ReasonRequest request) {
        String reason = ReasonRequest.required(request, "Turning crisis mode on needs a reason");
        return CrisisView.of(crisis.turnOn(identity.getPrincipal().getName(), reason));
    }

    @DELETE
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public CrisisView turnCrisisOff(@Valid ReasonRequest request) {
        String reason = ReasonRequest.required(request, "Turning crisis mode off needs a reason");
        return CrisisView.of(crisis.turnOff(identity.getPrincipal().getName(), reason));
    }
}
