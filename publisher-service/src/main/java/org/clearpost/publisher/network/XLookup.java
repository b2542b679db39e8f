package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.clearpost.publisher.network.NetworkHttp.CallFailed;

/**
 * Finds a step among the account's own recent posts: {@code GET /2/users/me} for the account's user id, then its
 * timeline {@code GET /2/users/{id}/tweets?max_results=100&tweet.fields=created_at,referenced_tweets}, newest first,
 * following {@code meta.next_token} for up to {@link #PAGES} pages. A post matches on its text and its reference:
 * {@code replied_to} the parent for a reply or thread part, {@code quoted} for a quote, {@code retweeted} for a
 * repost, none for a post. X gives text back HTML-escaped ({@code &amp;}, {@code &lt;}, {@code &gt;}) with every
 * link as a t.co link and a media link appended, so both sides are compared with links removed.
 */
final class XLookup {

    /** How far back a look-up reads: the step was tried minutes ago, so 300 posts is well past it. */
    static final int PAGES = 3;
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final NetworkHttp http;
    private final Function<String, HttpRequest.Builder> authorized;

    XLookup(NetworkHttp http, Function<String, HttpRequest.Builder> authorized) {
        this.http = http;
        this.authorized = authorized;
    }

    /** The account's post matching {@code which}; empty when its recent timeline holds none. */
    Optional<JsonNode> find(Predicate<JsonNode> which) throws CallFailed {
        String userId = get("/2/users/me", "the account's user id").path("data").path("id").asText("");
        if (userId.isEmpty()) {
            throw lookupFailed("X answered GET /2/users/me without a user id");
        }
        String token = null;
        for (int page = 0; page < PAGES; page++) {
            JsonNode answer = get("/2/users/" + userId + "/tweets?max_results=100"
                    + "&tweet.fields=created_at,referenced_tweets"
                    + (token == null ? "" : "&pagination_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)),
                    "the account's timeline");
            for (JsonNode post : answer.path("data")) {
                if (which.test(post)) {
                    return Optional.of(post);
                }
            }
            token = answer.path("meta").path("next_token").asText(null);
            if (token == null) {
                break;
            }
        }
        return Optional.empty();
    }

    /** A post with this text (compared as described above) and, when {@code type} is given, this reference. */
    static Predicate<JsonNode> post(String text, String type, String referencedId) {
        String expected = comparable(text);
        return post -> comparable(post.path("text").asText("")).equals(expected)
                && references(post, type, referencedId);
    }

    /** A repost of {@code postId}. */
    static Predicate<JsonNode> repostOf(String postId) {
        return post -> references(post, "retweeted", postId);
    }

    private static boolean references(JsonNode post, String type, String id) {
        JsonNode refs = post.path("referenced_tweets");
        if (type == null) {
            // A post of its own: neither a reply nor a quote nor a repost.
            return refs.isMissingNode() || refs.isEmpty();
        }
        for (JsonNode ref : refs) {
            if (type.equals(ref.path("type").asText()) && id.equals(ref.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    static String comparable(String text) {
        String unescaped = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return LINK.matcher(unescaped).replaceAll("").strip();
    }

    private JsonNode get(String path, String what) throws CallFailed {
        HttpResponse<String> response;
        try {
            response = http.exchange("X", authorized.apply(path).GET());
        } catch (CallFailed e) {
            throw lookupFailed("the look-up of " + what + " got no answer");
        }
        if (response.statusCode() / 100 != 2) {
            JsonNode body = http.json(response.body());
            throw new CallFailed(new PublishResult.Unknown(PublishResult.outcomeUnknown("the look-up of " + what
                    + " was refused (" + response.statusCode() + "): " + NetworkHttp.message(
                            body.path("detail").asText(body.path("title").asText(null)), response.body())),
                    XRateLimit.pausedUntil(response.headers()).orElse(null)));
        }
        return http.json(response.body());
    }

    private static CallFailed lookupFailed(String why) {
        return new CallFailed(new PublishResult.Unknown(PublishResult.outcomeUnknown(why), null));
    }
}
