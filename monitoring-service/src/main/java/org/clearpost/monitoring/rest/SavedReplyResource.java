package org.clearpost.monitoring.rest;

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
import org.clearpost.monitoring.inbox.SavedReplies;
import org.clearpost.monitoring.inbox.SavedReply;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Saved replies (placeholders {author}, {handle}): monitors and leads keep them, analysts read them. */
@Path("/saved-replies")
@SecurityRequirement(name = "SecurityScheme")
public class SavedReplyResource {

    private final SavedReplies replies;
    private final SecurityIdentity identity;

    public SavedReplyResource(SavedReplies replies, SecurityIdentity identity) {
        this.replies = replies;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public Response create(@NotNull @Valid InboxRequests.SavedReplyRequest request, @Context UriInfo uri) {
        SavedReply reply = replies.create(request.name(), request.text(), identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(reply.id().toString()).build()).entity(reply)
                .build();
    }

    @GET
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ANALYST, Roles.ADMIN })
    public List<SavedReply> list() {
        return replies.list();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ANALYST, Roles.ADMIN })
    public SavedReply get(@PathParam("id") UUID id) {
        return replies.find(id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public SavedReply update(@PathParam("id") UUID id, @NotNull @Valid InboxRequests.SavedReplyRequest request) {
        return replies.update(id, request.name(), request.text(), identity.getPrincipal().getName());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public Response delete(@PathParam("id") UUID id) {
        replies.delete(id, identity.getPrincipal().getName());
        return Response.noContent().build();
    }
}
