package org.clearpost.clearance.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.clearpost.clearance.domain.CaseFilter;
import org.clearpost.clearance.domain.CaseStatus;
import org.clearpost.clearance.domain.ClearanceCase;
import org.clearpost.clearance.domain.ClearanceService;
import org.clearpost.clearance.domain.Decider;
import org.clearpost.clearance.domain.RefusedDecisions;
import org.clearpost.events.Network;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/clearances")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({ Roles.CLEARER, Roles.LEAD, Roles.ADMIN })
public class ClearanceResource {

    private final ClearanceService clearances;
    private final RefusedDecisions refusals;
    private final SecurityIdentity identity;

    public ClearanceResource(ClearanceService clearances, RefusedDecisions refusals, SecurityIdentity identity) {
        this.clearances = clearances;
        this.refusals = refusals;
        this.identity = identity;
    }

    /** The queue, soonest due first. {@code status} defaults to PENDING; every other filter is optional. */
    @GET
    public List<CaseView> queue(@QueryParam("status") @DefaultValue("PENDING") CaseStatus status,
            @QueryParam("postId") String postId,
            @QueryParam("route") String route,
            @QueryParam("dueBefore") String dueBefore,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("campaign") String campaign,
            @QueryParam("network") Network network,
            @QueryParam("flagged") Boolean flagged,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        CaseFilter filter = new CaseFilter(status, uuid("postId", postId), blankToNull(route),
                instant("dueBefore", dueBefore), overdue, blankToNull(campaign), network, flagged);
        return clearances.list(filter, page, size).stream().map(this::view).toList();
    }

    @GET
    @Path("{id}")
    public CaseView get(@PathParam("id") UUID id) {
        return view(clearances.find(id));
    }

    /** Approves the next step of the case's route; the last step clears the post. */
    @POST
    @Path("{id}/approve")
    @RolesAllowed({ Roles.CLEARER, Roles.LEAD })
    public CaseView approve(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        String comment = request == null ? null : request.trimmedComment();
        Decider decider = decider();
        return view(refusals.recording(id, decider, "approve", comment,
                () -> clearances.approve(id, decider, comment)));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed({ Roles.CLEARER, Roles.LEAD })
    public CaseView reject(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        String comment = requiredComment(request, "rejecting", "A rejection must tell the drafter why");
        Decider decider = decider();
        return view(refusals.recording(id, decider, "reject", comment,
                () -> clearances.reject(id, decider, comment)));
    }

    /** Sends the version back to its drafter; the comment says what to change. */
    @POST
    @Path("{id}/request-changes")
    @RolesAllowed({ Roles.CLEARER, Roles.LEAD })
    public CaseView requestChanges(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        String comment = requiredComment(request, "requesting changes",
                "Requesting changes must tell the drafter what to change");
        Decider decider = decider();
        return view(refusals.recording(id, decider, "request-changes", comment,
                () -> clearances.requestChanges(id, decider, comment)));
    }

    private CaseView view(ClearanceCase clearance) {
        return CaseView.of(clearance, clearances.routeOf(clearance));
    }

    private Decider decider() {
        return new Decider(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()));
    }

    private static String requiredComment(DecisionRequest request, String doing, String detail) {
        String comment = request == null ? null : request.trimmedComment();
        if (comment == null) {
            throw ProblemException.badRequest(detail,
                    List.of(new Problem.Violation("comment", "must not be blank when " + doing)));
        }
        return comment;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Parsed here: a query parameter JAX-RS cannot convert is a bare 404 that names nothing. */
    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The " + field + " filter is not a valid id",
                    List.of(new Problem.Violation(field, "must be a UUID")));
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("The " + field + " filter is not a valid instant",
                    List.of(new Problem.Violation(field, "must be an ISO-8601 instant such as 2026-01-01T00:00:00Z")));
        }
    }
}
