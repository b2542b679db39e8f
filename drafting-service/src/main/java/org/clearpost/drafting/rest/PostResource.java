package org.clearpost.drafting.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.clearpost.drafting.domain.PostPage;
import org.clearpost.drafting.domain.PostQuery;
import org.clearpost.drafting.domain.PostService;
import org.clearpost.drafting.domain.PostStatus;
import org.clearpost.events.Network;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.security.Roles;
import org.clearpost.support.time.LondonTime;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/posts")
@SecurityRequirement(name = "SecurityScheme")
public class PostResource {

    /** Response header carrying how many posts match a listing's filters in all pages. */
    public static final String TOTAL_COUNT = "X-Total-Count";

    private final PostService posts;
    private final SecurityIdentity identity;
    private final Clock clock;

    public PostResource(PostService posts, SecurityIdentity identity, Clock clock) {
        this.posts = posts;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.DRAFTER)
    public Response create(@NotNull @Valid PostRequest request, @Context UriInfo uri) {
        PostService.Assessed drafted = posts.draft(user(), request.toContent());
        PostView post = PostView.of(drafted.post(), drafted.assessment(), clock.instant());
        return Response.created(uri.getAbsolutePathBuilder().path(post.id().toString()).build()).entity(post).build();
    }

    /**
     * Assesses the body of a create or edit call without saving anything: each target rendered, with its problems,
     * warnings and a counter per text (the network's own count against its limit). What a composer's live preview
     * shows; bad input is refused as create refuses it.
     */
    @POST
    @Path("preview")
    @RolesAllowed(Roles.DRAFTER)
    public PreviewView preview(@NotNull @Valid PostRequest request) {
        return PreviewView.of(posts.preview(request.toContent()));
    }

    /** A new version; editing a post in clearance or cleared withdraws that clearance. */
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.DRAFTER)
    public PostView revise(@PathParam("id") UUID id, @NotNull @Valid PostRequest request) {
        PostService.Assessed revised = posts.revise(id, user(), request.toContent());
        return PostView.of(revised.post(), revised.assessment(), clock.instant());
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed(Roles.DRAFTER)
    public PostView submit(@PathParam("id") UUID id) {
        PostService.Assessed submitted = posts.submit(id);
        return PostView.of(submitted.post(), submitted.assessment(), clock.instant());
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed(Roles.DRAFTER)
    public PostView withdraw(@PathParam("id") UUID id) {
        return PostView.of(posts.withdraw(id, user()), clock.instant());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.ADMIN })
    public PostView get(@PathParam("id") UUID id) {
        PostService.Assessed post = posts.view(id);
        return PostView.of(post.post(), post.assessment(), clock.instant());
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.ADMIN })
    public List<VersionView> versions(@PathParam("id") UUID id) {
        return posts.versions(id).stream().map(VersionView::of).toList();
    }

    @GET
    @Path("{id}/versions/{version}")
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.ADMIN })
    public VersionView version(@PathParam("id") UUID id, @PathParam("version") int version) {
        return VersionView.of(posts.version(id, version));
    }

    /**
     * Posts matching every filter given, newest change first unless sorted otherwise; the total number of matches
     * is in the {@value #TOTAL_COUNT} header. {@code from}/{@code to} are Europe/London wall-clock times bounding
     * the publication time ({@code to} exclusive); {@code sort} is a field name, optionally followed by
     * {@code ,asc} or {@code ,desc}.
     */
    @GET
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.ADMIN })
    public Response list(@QueryParam("status") PostStatus status,
            @QueryParam("campaign") @Size(max = 100) String campaign,
            @QueryParam("account") @Size(max = 100) String account,
            @QueryParam("network") Network network,
            @QueryParam("author") @Size(max = 200) String author,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("text") @Size(min = 1, max = 200) String text,
            @QueryParam("sort") @DefaultValue("updatedAt,desc")
            @Pattern(regexp = "(updatedAt|createdAt|scheduledAt|author|status)(,(asc|desc))?",
                    message = "must be one of updatedAt, createdAt, scheduledAt, author, status, optionally "
                            + "followed by ,asc or ,desc") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        String[] order = sort.split(",");
        PostPage result = posts.list(new PostQuery(status, campaign, account, network, author, london(from, "from"),
                london(to, "to"), text, order[0], order.length > 1 && order[1].equals("asc"), page, size));
        Instant now = clock.instant();
        return Response.ok(result.posts().stream().map(p -> PostView.of(p, now)).toList())
                .header(TOTAL_COUNT, result.total()).build();
    }

    private static Instant london(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return LondonTime.toInstant(LocalDateTime.parse(value), field);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("The request has 1 invalid field(s)", List.of(new Problem.Violation(
                    field, "'" + value + "' is not a London date and time such as 2027-03-28T09:30")));
        }
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
