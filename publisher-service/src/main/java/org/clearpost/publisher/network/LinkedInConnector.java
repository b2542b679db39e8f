package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.network.NetworkHttp.CallFailed;

/**
 * LinkedIn's versioned REST API for an organisation page. The account is the organisation's id ({@code 2414183}) or
 * its full URN ({@code urn:li:organization:2414183}); posts and comments are made as that organisation, with a token
 * of an admin holding {@code w_organization_social}. Every call sends {@code LinkedIn-Version}
 * ({@code clearpost.networks.linkedin.version}) and {@code X-Restli-Protocol-Version: 2.0.0}.
 *
 * <ul>
 * <li>A post: images first through the Images API ({@code POST /rest/images?action=initializeUpload}, then a
 * {@code PUT} of the bytes to the upload URL it answers), then {@code POST /rest/posts} with the commentary, public
 * main-feed distribution and {@code content.media} (one image, with its alt text) or {@code content.multiImage};
 * LinkedIn answers 201 with the post URN in {@code x-restli-id}. The text is escaped for LinkedIn's little text
 * format here, exactly once ({@link LinkedInText}): unescaped, LinkedIn would cut it at the first {@code #} or
 * {@code (}.</li>
 * <li>A thread: LinkedIn has no threads. The first part is the post; each further part, a first comment and a reply
 * are comments ({@code POST /rest/socialActions/{urn}/comments}): on the post when the parent is a post, or as a reply
 * to the parent comment ({@code parentComment}) when the parent is a comment, so each part answers the one before it.
 * Comments carry text only here: a reply with media fails rather than lose it.</li>
 * <li>A share: a reshare ({@code reshareContext.parent}) with the text as its commentary.</li>
 * </ul>
 *
 * <p>Reconciliation: {@link Reconciliation#LOOKUP}. LinkedIn has no idempotency key, so an unknown outcome is settled
 * by reading the author's newest posts ({@code GET /rest/posts?q=author}) or the comments on the parent
 * ({@code GET /rest/socialActions/{urn}/comments}) for this step's exact (escaped) text. LinkedIn's own 422
 * {@code DUPLICATE_POST} is settled the same way: when the earlier post is found it is this step's own earlier call
 * whose answer was lost (or the same text already on the page), and the step is published with that URN; when it is
 * not found (LinkedIn also remembers deleted posts) the step fails with LinkedIn's message and code.
 */
@ApplicationScoped
public class LinkedInConnector implements NetworkConnector {

    private final LinkedInApi api;
    private final NetworkHttp http;
    private final MediaFetcher media;
    private final int lookupCount;

    public LinkedInConnector(NetworkHttp http, MediaFetcher media, NetworksConfig config) {
        this.api = new LinkedInApi(http, config.linkedin());
        this.http = http;
        this.media = media;
        this.lookupCount = config.linkedin().lookupCount();
    }

    @Override
    public Network network() {
        return Network.LINKEDIN;
    }

    @Override
    public Reconciliation reconciliation() {
        return Reconciliation.LOOKUP;
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        try {
            PublishStep step = request.step();
            if (step instanceof PublishStep.Post post) {
                return post(request, post.text(), post.media(), null);
            }
            if (step instanceof PublishStep.Reply reply) {
                return comment(request, reply);
            }
            PublishStep.Share share = (PublishStep.Share) step;
            return post(request, share.text() == null ? "" : share.text(), List.of(), share.postId());
        } catch (CallFailed e) {
            return e.result();
        }
    }

    @Override
    public PublishResult reconcile(PublishRequest request) {
        try {
            Optional<PublishResult> found = find(request);
            return found.orElseGet(() -> new PublishResult.Retry("LinkedIn does not show this step among the "
                    + lookupCount + " newest items: it was not published", null));
        } catch (CallFailed e) {
            return unknownWhenUnread(e);
        }
    }

    private PublishResult post(PublishRequest request, String text, List<MediaItem> items, String reshareOf)
            throws CallFailed {
        String author = LinkedInApi.author(request.account());
        List<Map<String, Object>> images = new ArrayList<>();
        for (MediaItem item : items) {
            images.add(upload(request, author, item));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("author", author);
        body.put("commentary", LinkedInText.escape(text));
        body.put("visibility", "PUBLIC");
        body.put("distribution", Map.of("feedDistribution", "MAIN_FEED", "targetEntities", List.of(),
                "thirdPartyDistributionChannels", List.of()));
        body.put("lifecycleState", "PUBLISHED");
        body.put("isReshareDisabledByAuthor", false);
        if (images.size() == 1) {
            body.put("content", Map.of("media", images.get(0)));
        } else if (images.size() > 1) {
            body.put("content", Map.of("multiImage", Map.of("images", images)));
        }
        if (reshareOf != null) {
            body.put("reshareContext", Map.of("parent", reshareOf));
        }
        return http.send("LinkedIn", api.post(request, "/rest/posts", body), response -> {
            if (api.isDuplicate(response)) {
                return settleDuplicate(request, response);
            }
            if (response.statusCode() / 100 != 2) {
                return api.refusal(response, request.account(), "the post");
            }
            String urn = response.headers().firstValue("x-restli-id").orElse("");
            if (urn.isEmpty()) {
                return new PublishResult.Unknown(PublishResult.outcomeUnknown("LinkedIn answered "
                        + response.statusCode() + " without x-restli-id"), null);
            }
            return new PublishResult.Published(urn, LinkedInApi.postUrl(urn), null);
        });
    }

    /** A 422 DUPLICATE_POST: this step's own earlier call (its answer lost) when the post is found, else refused. */
    private PublishResult settleDuplicate(PublishRequest request, HttpResponse<String> response) {
        try {
            return find(request).orElseGet(() -> api.refusal(response, request.account(), "the post"));
        } catch (CallFailed e) {
            return unknownWhenUnread(e);
        }
    }

    /** Uploads one image; its URN and alt text go on the post. Nothing is public yet. */
    private Map<String, Object> upload(PublishRequest request, String owner, MediaItem item) throws CallFailed {
        if (item.kind() != MediaKind.IMAGE) {
            throw new CallFailed(new PublishResult.Failed("media " + item.mediaId() + " is " + item.kind()
                    + ": the LinkedIn connector uploads images only so far (video needs the Videos API)", null));
        }
        byte[] bytes = media.fetch(item);
        HttpResponse<String> initialized = http.exchangeBeforePosting("LinkedIn", api.post(request,
                "/rest/images?action=initializeUpload", Map.of("initializeUploadRequest", Map.of("owner", owner))));
        if (initialized.statusCode() / 100 != 2) {
            throw new CallFailed(api.refusal(initialized, request.account(), "the upload of media "
                    + item.mediaId()));
        }
        JsonNode value = http.json(initialized.body()).path("value");
        String image = value.path("image").asText("");
        String uploadUrl = value.path("uploadUrl").asText("");
        if (image.isEmpty() || uploadUrl.isEmpty()) {
            throw new CallFailed(new PublishResult.Retry("LinkedIn answered initializeUpload for media "
                    + item.mediaId() + " without an image URN or upload URL", null));
        }
        HttpResponse<String> uploaded = http.exchangeBeforePosting("LinkedIn", LinkedInApi.signed(request,
                URI.create(uploadUrl)).header("Content-Type", item.contentType())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        if (uploaded.statusCode() / 100 != 2) {
            throw new CallFailed(api.refusal(uploaded, request.account(), "the bytes of media " + item.mediaId()));
        }
        Map<String, Object> onPost = new LinkedHashMap<>();
        onPost.put("id", image);
        if (item.altText() != null && !item.altText().isBlank()) {
            onPost.put("altText", item.altText());
        }
        return onPost;
    }

    private PublishResult comment(PublishRequest request, PublishStep.Reply reply) throws CallFailed {
        if (!reply.media().isEmpty()) {
            return new PublishResult.Failed("the LinkedIn connector comments with text only; this reply carries "
                    + reply.media().size() + " media item(s)", null);
        }
        Parent parent = Parent.of(reply.parentId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actor", LinkedInApi.author(request.account()));
        body.put("object", parent.post());
        if (parent.comment() != null) {
            body.put("parentComment", parent.comment());
        }
        body.put("message", Map.of("text", LinkedInText.escape(reply.text())));
        return http.send("LinkedIn", api.post(request, parent.commentsPath(), body), response -> {
            if (response.statusCode() / 100 != 2) {
                return api.refusal(response, request.account(), "the comment on " + reply.parentId());
            }
            String urn = response.headers().firstValue("x-restli-id")
                    .orElse(http.json(response.body()).path("commentUrn").asText(""));
            if (urn.isEmpty()) {
                return new PublishResult.Unknown(PublishResult.outcomeUnknown("LinkedIn answered "
                        + response.statusCode() + " to the comment without its URN"), null);
            }
            return new PublishResult.Published(urn, LinkedInApi.commentUrl(parent.post(), urn), null);
        });
    }

    /** This step on LinkedIn, when the look-up finds its exact text by this account. */
    private Optional<PublishResult> find(PublishRequest request) throws CallFailed {
        String author = LinkedInApi.author(request.account());
        if (request.step() instanceof PublishStep.Reply reply) {
            Parent parent = Parent.of(reply.parentId());
            String text = LinkedInText.escape(reply.text());
            for (JsonNode comment : read(request, parent.commentsPath() + "?count=" + lookupCount)) {
                if (author.equals(comment.path("actor").asText()) && text.equals(comment.path("message")
                        .path("text").asText())) {
                    String urn = comment.path("commentUrn").asText();
                    return Optional.of(new PublishResult.Published(urn, LinkedInApi.commentUrl(parent.post(), urn),
                            null));
                }
            }
            return Optional.empty();
        }
        String text = request.step() instanceof PublishStep.Post post ? post.text()
                : ((PublishStep.Share) request.step()).text();
        String commentary = LinkedInText.escape(text == null ? "" : text);
        String reshareOf = request.step() instanceof PublishStep.Share share ? share.postId() : null;
        for (JsonNode post : read(request, "/rest/posts?q=author&author=" + LinkedInApi.encode(author)
                + "&count=" + lookupCount + "&sortBy=CREATED")) {
            boolean sameShare = reshareOf == null ? post.path("reshareContext").isMissingNode()
                    : reshareOf.equals(post.path("reshareContext").path("parent").asText());
            if (sameShare && commentary.equals(post.path("commentary").asText())) {
                String urn = post.path("id").asText();
                return Optional.of(new PublishResult.Published(urn, LinkedInApi.postUrl(urn), null));
            }
        }
        return Optional.empty();
    }

    private JsonNode read(PublishRequest request, String path) throws CallFailed {
        HttpResponse<String> response = http.exchangeBeforePosting("LinkedIn", api.call(request, path).GET());
        if (response.statusCode() / 100 != 2) {
            throw new CallFailed(api.refusal(response, request.account(), "the look-up " + path));
        }
        return http.json(response.body()).path("elements");
    }

    /** A look-up that could not be read says nothing about the step: ask again later, never publish blindly. */
    private static PublishResult unknownWhenUnread(CallFailed e) {
        PublishResult result = e.result();
        if (result instanceof PublishResult.NeedsReconnect) {
            return result;
        }
        return new PublishResult.Unknown(PublishResult.outcomeUnknown("the look-up of LinkedIn's posts failed: "
                + result), result.accountPausedUntil());
    }

    /**
     * What a comment is made on: a post URN, or a comment URN {@code urn:li:comment:(<post-urn>,<id>)} whose post is
     * the comment's {@code object} and which is its {@code parentComment}.
     */
    private record Parent(String post, String comment) {

        static Parent of(String parentId) {
            if (parentId.startsWith("urn:li:comment:(") && parentId.endsWith(")") && parentId.contains(",")) {
                return new Parent(parentId.substring("urn:li:comment:(".length(), parentId.lastIndexOf(',')),
                        parentId);
            }
            return new Parent(parentId, null);
        }

        String commentsPath() {
            return "/rest/socialActions/" + LinkedInApi.encode(comment != null ? comment : post) + "/comments";
        }
    }
}
