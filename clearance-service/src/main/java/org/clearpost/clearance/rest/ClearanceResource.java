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
import java.util.List;
import java.util.UUID;
import org.clearpost.clearance.domain.CaseStatus;
import org.clearpost.clearance.domain.ClearanceService;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.clearpost.support.security.Roles;

@Path("/clearances")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({ Roles.CLEARER, Roles.LEAD, Roles.ADMIN })
public class ClearanceResource {

    private final ClearanceService clearances;
    private final SecurityIdentity identity;

    public ClearanceResource(ClearanceService clearances, SecurityIdentity identity) {
        this.clearances = clearances;
        this.identity = identity;
    }

    @GET
    public List<CaseView> queue(@QueryParam("status") @DefaultValue("PENDING") CaseStatus status,
            @QueryParam("postId") UUID postId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return clearances.list(status, postId, page, size).stream().map(CaseView::of).toList();
    }

    @GET
    @Path("{id}")
    public CaseView get(@PathParam("id") UUID id) {
        return CaseView.of(clearances.find(id));
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.CLEARER)
    public CaseView approve(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        String comment = request == null ? null : request.trimmedComment();
        return CaseView.of(clearances.approve(id, identity.getPrincipal().getName(), comment));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(Roles.CLEARER)
    public CaseView reject(@PathParam("id") UUID id, @Valid DecisionRequest request) {
        String comment = request == null ? null : request.trimmedComment();
        if (comment == null) {
            throw ProblemException.badRequest("A rejection must tell the drafter why",
                    List.of(new Problem.Violation("comment", "must not be blank when rejecting")));
        }
        return CaseView.of(clearances.reject(id, identity.getPrincipal().getName(), comment));
    }
}
