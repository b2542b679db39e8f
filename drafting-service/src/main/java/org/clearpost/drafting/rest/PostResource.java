package org.clearpost.drafting.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.clearpost.drafting.domain.PostService;
import org.clearpost.drafting.domain.PostStatus;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.clearpost.support.security.Roles;

@Path("/posts")
@SecurityRequirement(name = "SecurityScheme")
public class PostResource {

    private final PostService posts;
    private final SecurityIdentity identity;

    public PostResource(PostService posts, SecurityIdentity identity) {
        this.posts = posts;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.DRAFTER)
    public Response create(@NotNull @Valid PostRequest request, @Context UriInfo uri) {
        rejectRepeatedTargets(request);
        PostView post = PostView.of(posts.draft(identity.getPrincipal().getName(), request.toContent()));
        return Response.created(uri.getAbsolutePathBuilder().path(post.id().toString()).build()).entity(post).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.DRAFTER)
    public PostView revise(@PathParam("id") UUID id, @NotNull @Valid PostRequest request) {
        rejectRepeatedTargets(request);
        return PostView.of(posts.revise(id, request.toContent()));
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed(Roles.DRAFTER)
    public PostView submit(@PathParam("id") UUID id) {
        return PostView.of(posts.submit(id));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.ADMIN })
    public PostView get(@PathParam("id") UUID id) {
        return PostView.of(posts.find(id));
    }

    @GET
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.ADMIN })
    public List<PostView> list(@QueryParam("status") PostStatus status, @QueryParam("author") String author,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return posts.list(status, author, page, size).stream().map(PostView::of).toList();
    }

    private static void rejectRepeatedTargets(PostRequest request) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.targets().size(); i++) {
            PostRequest.TargetRequest target = request.targets().get(i);
            if (!seen.add(target.network() + "/" + target.account())) {
                throw ProblemException.badRequest("A post goes to each account once", List.of(
                        new Problem.Violation("targets[" + i + "]", target.network() + " account "
                                + target.account() + " is listed twice")));
            }
        }
    }
}
