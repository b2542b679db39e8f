package org.clearpost.clearance.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.clearance.suspension.PublishingSuspension;
import org.clearpost.clearance.suspension.SuspensionService;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The emergency stop (policy 1.7): a lead or admin suspends all publishing with a reason, and resumes it. */
@Path("/publishing/suspension")
@SecurityRequirement(name = "SecurityScheme")
public class SuspensionResource {

    /** Why publishing is suspended or resumed. */
    public record ReasonRequest(@Size(max = 2000) String reason) {

        String trimmedReason() {
            return reason == null || reason.isBlank() ? null : reason.strip();
        }
    }

    public record SuspensionView(UUID id, String suspendedBy, String reason, Instant suspendedAt, String resumedBy,
            String resumeReason, Instant resumedAt) {

        static SuspensionView of(PublishingSuspension s) {
            return new SuspensionView(s.id, s.suspendedBy, s.reason, s.suspendedAt, s.resumedBy, s.resumeReason,
                    s.resumedAt);
        }
    }

    /** {@code current} is the suspension in force, null while publishing runs; {@code history} is newest first. */
    public record StateView(boolean suspended, SuspensionView current, List<SuspensionView> history) {
    }

    private final SuspensionService suspensions;
    private final SecurityIdentity identity;

    public SuspensionResource(SuspensionService suspensions, SecurityIdentity identity) {
        this.suspensions = suspensions;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.CLEARER, Roles.LEAD, Roles.ADMIN })
    public StateView state() {
        List<PublishingSuspension> history = suspensions.history();
        boolean suspended = !history.isEmpty() && history.get(0).inForce();
        return new StateView(suspended, suspended ? SuspensionView.of(history.get(0)) : null,
                history.stream().map(SuspensionView::of).toList());
    }

    @POST
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public SuspensionView suspend(@Valid ReasonRequest request) {
        String reason = request == null ? null : request.trimmedReason();
        if (reason == null) {
            throw ProblemException.badRequest("Suspending publishing needs a reason",
                    List.of(new Problem.Violation("reason", "must not be blank")));
        }
        return SuspensionView.of(suspensions.suspend(identity.getPrincipal().getName(), reason));
    }

    @DELETE
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public SuspensionView resume(@Valid ReasonRequest request) {
        String reason = request == null ? null : request.trimmedReason();
        return SuspensionView.of(suspensions.resume(identity.getPrincipal().getName(), reason));
    }
}
