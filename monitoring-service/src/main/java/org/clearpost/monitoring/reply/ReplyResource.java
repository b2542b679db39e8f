package org.clearpost.monitoring.reply;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** Replies to mentions: monitors and leads ask for them from the inbox; analysts may read them. */
@Path("/replies")
@SecurityRequirement(name = "SecurityScheme")
public class ReplyResource {

    private final Replies replies;
    private final SecurityIdentity identity;

    public ReplyResource(Replies replies, SecurityIdentity identity) {
        this.replies = replies;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public Response request(@NotNull @Valid ReplyRequest request, @Context UriInfo uri) {
        Reply reply = replies.request(request, identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(reply.id().toString()).build()).entity(reply)
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ANALYST, Roles.ADMIN })
    public Reply get(@PathParam("id") UUID id) {
        return replies.find(id);
    }

    /** The replies that answer a mention, newest first. */
    @GET
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ANALYST, Roles.ADMIN })
    public List<Reply> forMention(@QueryParam("mentionId") @NotNull UUID mentionId) {
        return replies.forMention(mentionId);
    }
}
