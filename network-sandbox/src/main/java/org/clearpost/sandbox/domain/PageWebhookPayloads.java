package org.clearpost.sandbox.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Facebook Page webhook notifications for the {@code feed} field, shaped as Meta sends them:
 * {@code {"object":"page","entry":[{"id":<page-id>,"time":<epoch s>,"changes":[{"field":"feed","value":{...}}]}]}}.
 * Maps keep insertion order so the JSON reads like Meta's.
 */
public final class PageWebhookPayloads {

    private PageWebhookPayloads() {
    }

    /**
     * A comment on a post. Graph comment ids are {@code <post-part>_<comment-number>}; a top-level comment's
     * {@code parent_id} is the post id.
     */
    public static Map<String, Object> comment(String pageId, String postId, String commentNumber, String authorId,
            String authorName, String message, long epochSeconds) {
        String postPart = postId.substring(postId.indexOf('_') + 1);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("from", from(authorId, authorName));
        value.put("message", message);
        value.put("post_id", postId);
        value.put("comment_id", postPart + "_" + commentNumber);
        value.put("parent_id", postId);
        value.put("created_time", epochSeconds);
        value.put("item", "comment");
        value.put("verb", "add");
        return envelope(pageId, epochSeconds, value);
    }

    /**
     * A visitor's text post on the Page. Meta labels a plain text post {@code "item":"status"} (photos are
     * {@code "photo"}, videos {@code "video"}), with {@code "published":1}.
     */
    public static Map<String, Object> visitorPost(String pageId, String postNumber, String authorId,
            String authorName, String message, long epochSeconds) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("from", from(authorId, authorName));
        value.put("message", message);
        value.put("post_id", pageId + "_" + postNumber);
        value.put("created_time", epochSeconds);
        value.put("item", "status");
        value.put("published", 1);
        value.put("verb", "add");
        return envelope(pageId, epochSeconds, value);
    }

    /** A bare post id ("123") is taken to be on this Page; a full one ("<page>_<post>") is kept as it is. */
    public static String qualifyPostId(String pageId, String postId) {
        return postId.contains("_") ? postId : pageId + "_" + postId;
    }

    private static Map<String, Object> from(String id, String name) {
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("id", id);
        if (name != null) {
            from.put("name", name);
        }
        return from;
    }

    private static Map<String, Object> envelope(String pageId, long epochSeconds, Map<String, Object> value) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("field", "feed");
        change.put("value", value);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", pageId);
        entry.put("time", epochSeconds);
        entry.put("changes", List.of(change));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("object", "page");
        payload.put("entry", List.of(entry));
        return payload;
    }
}
