package org.clearpost.sandbox.facebook;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.RateLimits;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Graph's read edges over what was published through the sandbox's Graph API (not the firehose, which
 * {@link GraphReadResource} reads under {@code /graph}): {@code GET /{version}/{page-id}/feed} and
 * {@code /published_posts} (the Page's posts, photo posts and shares, newest first: {@code id}, {@code message},
 * {@code created_time}, and {@code attachments} with the shared {@code url} when {@code fields} asks),
 * {@code GET /{version}/{page-id}/videos} ({@code id}, {@code description}, {@code created_time},
 * {@code updated_time}) and {@code GET /{version}/{object-id}/comments} ({@code id}, {@code message},
 * {@code from}, {@code created_time}; chronological, or {@code order=reverse_chronological}). Paged as Graph pages
 * ({@code limit}, {@code after}, {@code paging.next}); the token as {@code access_token} or in the Authorization
 * header; every answer carries the usage headers. What a publisher reads to find out whether a call whose answer was
 * lost made the post.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Facebook Graph API (published)", description = "Page feed, videos and comments made through the sandbox")
public class GraphPageReadResource {

    private static final Set<HeldPost.Kind> FEED_KINDS = Set.of(HeldPost.Kind.POST, HeldPost.Kind.SHARE,
            HeldPost.Kind.PHOTO);

    private final PostStore store;
    private final RateLimits limits;

    GraphPageReadResource(PostStore store, RateLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    @GET
    @Path("{version: v[0-9]+\\.[0-9]+}/{pageId}/feed")
    public Response feed(@PathParam("pageId") String pageId, @QueryParam("fields") String fields,
            @QueryParam("limit") Integer limit, @QueryParam("after") String after,
            @QueryParam("access_token") String accessToken, @Context HttpHeaders headers, @Context UriInfo uri) {
        return read(pageId, headers, accessToken, uri, limit, after,
                p -> FEED_KINDS.contains(p.kind()) && pageId.equals(p.pageId()), true, p -> post(p, fields));
    }

    @GET
    @Path("{version: v[0-9]+\\.[0-9]+}/{pageId}/published_posts")
    public Response publishedPosts(@PathParam("pageId") String pageId, @QueryParam("fields") String fields,
            @QueryParam("limit") Integer limit, @QueryParam("after") String after,
            @QueryParam("access_token") String accessToken, @Context HttpHeaders headers, @Context UriInfo uri) {
        return feed(pageId, fields, limit, after, accessToken, headers, uri);
    }

    @GET
    @Path("{version: v[0-9]+\\.[0-9]+}/{pageId}/videos")
    public Response videos(@PathParam("pageId") String pageId, @QueryParam("limit") Integer limit,
            @QueryParam("after") String after, @QueryParam("access_token") String accessToken,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return read(pageId, headers, accessToken, uri, limit, after,
                p -> p.kind() == HeldPost.Kind.VIDEO && pageId.equals(p.pageId()), true, p -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", p.id());
                    if (p.text() != null) {
                        item.put("description", p.text());
                    }
                    item.put("created_time", GraphReadResource.GRAPH_TIME.format(p.receivedAt()));
                    item.put("updated_time", GraphReadResource.GRAPH_TIME.format(p.receivedAt()));
                    return item;
                });
    }

    @GET
    @Path("{version: v[0-9]+\\.[0-9]+}/{objectId}/comments")
    public Response comments(@PathParam("objectId") String objectId, @QueryParam("order") String order,
            @QueryParam("limit") Integer limit, @QueryParam("after") String after,
            @QueryParam("access_token") String accessToken, @Context HttpHeaders headers, @Context UriInfo uri) {
        return read(objectId, headers, accessToken, uri, limit, after,
                p -> p.kind() == HeldPost.Kind.COMMENT && objectId.equals(p.inReplyTo()),
                "reverse_chronological".equals(order), p -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("created_time", GraphReadResource.GRAPH_TIME.format(p.receivedAt()));
                    if (p.account() != null) {
                        item.put("from", Map.of("name", "Sandbox Page", "id", p.account()));
                    }
                    item.put("message", p.text());
                    item.put("id", p.id());
                    return item;
                });
    }

    private Response read(String objectId, HttpHeaders headers, String accessToken, UriInfo uri, Integer limit,
            String after, Predicate<HeldPost> which, boolean newestFirst,
            Function<HeldPost, Map<String, Object>> render) {
        Optional<Response> refused = GraphReadResource.refuse(headers, accessToken);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<HeldPost> posts = new ArrayList<>(store.list(Optional.of(Network.FACEBOOK)).stream().filter(which)
                .toList());
        Comparator<HeldPost> order = Comparator.comparing(HeldPost::receivedAt);
        posts.sort(newestFirst ? order.reversed() : order);
        List<Map<String, Object>> data = posts.stream().map(render).toList();
        Response page = GraphReadResource.page(data, limit, after, uri);
        return GraphUsageHeaders.add(Response.fromResponse(page), limits.facebookApp(), objectId).build();
    }

    private static Map<String, Object> post(HeldPost p, String fields) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("created_time", GraphReadResource.GRAPH_TIME.format(p.receivedAt()));
        if (p.text() != null) {
            item.put("message", p.text());
        }
        item.put("id", p.id());
        if (fields != null && fields.contains("attachments") && p.link() != null) {
            item.put("attachments", Map.of("data", List.of(Map.of("type", "share", "url", p.link()))));
        }
        return item;
    }
}
