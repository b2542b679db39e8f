package org.clearpost.monitoring.query;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Tracked queries: monitors and leads keep them, analysts may read them. */
@Path("/queries")
@SecurityRequirement(name = "SecurityScheme")
public class TrackedQueryResource {

    private final TrackedQueries queries;
    private final SecurityIdentity identity;

    public TrackedQueryResource(TrackedQueries queries, SecurityIdentity identity) {
        this.queries = queries;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD })
    public Response create(@NotNull @Valid TrackedQueryRequest request, @Context UriInfo uri) {
        TrackedQueryView query = TrackedQueryView.of(queries.create(request, identity.getPrincipal().getName()));
        return Response.created(uri.getAbsolutePathBuilder().path(query.id().toString()).build()).entity(query)
                .build();
    }

    @GET
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ANALYST })
    public List<TrackedQueryView> list(@QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired) {
        return queries.list(includeRetired).stream().map(TrackedQueryView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ANALYST })
    public TrackedQueryView get(@PathParam("id") UUID id) {
        return TrackedQueryView.of(queries.find(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD })
    public TrackedQueryView update(@PathParam("id") UUID id, @NotNull @Valid TrackedQueryRequest request) {
        return TrackedQueryView.of(queries.update(id, request, identity.getPrincipal().getName()));
    }

    @POST
    @Path("{id}/retire")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD })
    public TrackedQueryView retire(@PathParam("id") UUID id) {
        return TrackedQueryView.of(queries.retire(id, identity.getPrincipal().getName()));
    }
}
