package org.clearpost.drafting.feed;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.clearpost.drafting.campaign.AccountRequest;
import org.clearpost.drafting.domain.Post;
import org.clearpost.drafting.domain.PostContent;
import org.clearpost.events.Network;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/suggestions")
@SecurityRequirement(name = "SecurityScheme")
public class SuggestionResource {

    private final FeedSuggestions suggestions;
    private final SecurityIdentity identity;

    public SuggestionResource(FeedSuggestions suggestions, SecurityIdentity identity) {
        this.suggestions = suggestions;
        this.identity = identity;
    }

    /** The newest 200, newest first; by default only the ones not yet used or dismissed. */
    @GET
    @RolesAllowed(Roles.DRAFTER)
    public List<SuggestionView> list(@QueryParam("status") FeedSuggestion.Status status) {
        return suggestions.list(status == null ? FeedSuggestion.Status.NEW : status).stream()
                .map(SuggestionView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.DRAFTER)
    public SuggestionView get(@PathParam("id") UUID id) {
        return SuggestionView.of(suggestions.find(id));
    }

    /** Drafts a post from the suggestion; answers 201 with where the new post lives. */
    @POST
    @Path("{id}/draft")
    @RolesAllowed(Roles.DRAFTER)
    public Response draft(@PathParam("id") UUID id, @NotNull @Valid DraftRequest request, @Context UriInfo uri) {
        rejectRepeatedTargets(request.targets());
        Post post = suggestions.draft(id, request.targets().stream()
                .map(t -> PostContent.TargetContent.plain(t.network(), t.account())).toList(),
                identity.getPrincipal().getName());
        return Response.created(uri.getBaseUriBuilder().path("posts").path(post.id.toString()).build())
                .entity(new DraftedView(post.id, post.text, SuggestionView.of(suggestions.find(id)))).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.DRAFTER)
    public Response dismiss(@PathParam("id") UUID id) {
        suggestions.dismiss(id, identity.getPrincipal().getName());
        return Response.noContent().build();
    }

    public record DraftRequest(@NotEmpty @Size(max = 50) List<@NotNull @Valid DraftTarget> targets) {
    }

    public record DraftTarget(
            @NotNull Network network,
            @NotBlank @Size(max = 100) @Pattern(regexp = AccountRequest.HANDLE,
                    message = AccountRequest.HANDLE_MESSAGE) String account) {
    }

    public record DraftedView(UUID postId, String text, SuggestionView suggestion) {
    }

    public record SuggestionView(UUID id, String feed, String title, String summary, String link,
            Instant publishedAt, Instant foundAt, FeedSuggestion.Status status, UUID postId, String decidedBy) {

        static SuggestionView of(FeedSuggestion s) {
            return new SuggestionView(s.id, s.feedName, s.title, s.summary, s.link, s.publishedAt, s.foundAt,
                    s.status, s.postId, s.decidedBy);
        }
    }

    private static void rejectRepeatedTargets(List<DraftTarget> targets) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            if (!seen.add(targets.get(i).network() + "/" + targets.get(i).account())) {
                throw ProblemException.badRequest("A post goes to each account once", List.of(
                        new Problem.Violation("targets[" + i + "]", "is listed twice")));
            }
        }
    }
}
