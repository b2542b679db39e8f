package org.clearpost.clearance.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.List;
import org.clearpost.clearance.duty.ClearerDuty;
import org.clearpost.clearance.duty.DutyService;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Clearers mark themselves on or off duty; only clearers on duty take live-event quick posts. */
@Path("/clearers")
@SecurityRequirement(name = "SecurityScheme")
public class DutyResource {

    public record DutyRequest(@NotNull Boolean onDuty) {
    }

    public record DutyView(String username, boolean onDuty, Instant changedAt) {

        static DutyView of(ClearerDuty d) {
            return new DutyView(d.username, d.onDuty, d.changedAt);
        }
    }

    private final DutyService duty;
    private final SecurityIdentity identity;

    public DutyResource(DutyService duty, SecurityIdentity identity) {
        this.duty = duty;
        this.identity = identity;
    }

    @PUT
    @Path("me/duty")
    @RolesAllowed(Roles.CLEARER)
    public DutyView setDuty(@Valid @NotNull DutyRequest request) {
        return DutyView.of(duty.set(identity.getPrincipal().getName(), request.onDuty()));
    }

    @GET
    @Path("on-duty")
    @RolesAllowed({ Roles.CLEARER, Roles.LEAD, Roles.ADMIN })
    public List<DutyView> clearersOnDuty() {
        return duty.onDuty().stream().map(DutyView::of).toList();
    }
}
