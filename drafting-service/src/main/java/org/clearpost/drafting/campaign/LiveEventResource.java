package org.clearpost.drafting.campaign;

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
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/live-events")
@SecurityRequirement(name = "SecurityScheme")
public class LiveEventResource {

    private final LiveEvents liveEvents;
    private final SecurityIdentity identity;

    public LiveEventResource(LiveEvents liveEvents, SecurityIdentity identity) {
        this.liveEvents = liveEvents;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.DRAFTER, Roles.LEAD })
    public Response create(@NotNull @Valid LiveEventRequest request, @Context UriInfo uri) {
        LiveEventView event = LiveEventView.of(liveEvents.create(request, identity.getPrincipal().getName()));
        return Response.created(uri.getAbsolutePathBuilder().path(event.id().toString()).build()).entity(event)
                .build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.DRAFTER, Roles.LEAD })
    public LiveEventView update(@PathParam("id") UUID id, @NotNull @Valid LiveEventRequest request) {
        return LiveEventView.of(liveEvents.update(id, request, identity.getPrincipal().getName()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.DRAFTER, Roles.LEAD })
    public Response delete(@PathParam("id") UUID id) {
        liveEvents.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.LEAD, Roles.MONITOR, Roles.ANALYST, Roles.ADMIN })
    public LiveEventView get(@PathParam("id") UUID id) {
        return liveEvents.find(id).map(LiveEventView::of)
                .orElseThrow(() -> ProblemException.notFound("Live event", id));
    }

    @GET
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.LEAD, Roles.MONITOR, Roles.ANALYST, Roles.ADMIN })
    public List<LiveEventView> list() {
        return liveEvents.list().stream().map(LiveEventView::of).toList();
    }
}
