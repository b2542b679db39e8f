package org.clearpost.monitoring.triage;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The policy 4.1 rules triage applies: leads (and admins) keep them, monitors and analysts read them. */
@Path("/triage-rules")
@SecurityRequirement(name = "SecurityScheme")
public class TriageRuleResource {

    private final TriageStore store;
    private final SecurityIdentity identity;

    public TriageRuleResource(TriageStore store, SecurityIdentity identity) {
        this.store = store;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ANALYST, Roles.ADMIN })
    public List<TriageRuleView> list() {
        return store.rules().stream().map(TriageRuleView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ANALYST, Roles.ADMIN })
    public TriageRuleView get(@PathParam("id") UUID id) {
        return TriageRuleView.of(store.rule(id));
    }

    @POST
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public Response create(@NotNull @Valid TriageRuleRequest request, @Context UriInfo uri) {
        TriageRuleView rule = TriageRuleView.of(store.create(request, identity.getPrincipal().getName()));
        return Response.created(uri.getAbsolutePathBuilder().path(rule.id().toString()).build()).entity(rule).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public TriageRuleView update(@PathParam("id") UUID id, @NotNull @Valid TriageRuleRequest request) {
        return TriageRuleView.of(store.update(id, request, identity.getPrincipal().getName()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public Response delete(@PathParam("id") UUID id) {
        store.delete(id, identity.getPrincipal().getName());
        return Response.noContent().build();
    }
}
