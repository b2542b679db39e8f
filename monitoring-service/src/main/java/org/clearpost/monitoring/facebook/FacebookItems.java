package org.clearpost.monitoring.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clearpost.events.Network;
import org.clearpost.monitoring.intake.RawItem;

/**
 * Facebook's raw items, as the webhook and the gap reconciler hand them to the sink. One item per change, whatever
 * the change is: deciding what is a mention is the pipeline's ({@link FacebookNormaliser}), and a change it cannot
 * read must reach it to be dead-lettered with the reason rather than vanish in the webhook.
 */
public final class FacebookItems {

    /** One change of a webhook delivery: {@code {"page_id","entry_time","change":{"field","value"}}}. */
    public static final String FEED_CHANGE = "feed-change";
    /** One comment from {@code GET /{post-id}/comments}: {@code {"page_id","post_id","comment":{..}}}. */
    public static final String GRAPH_COMMENT = "graph-comment";

    private static final ObjectMapper JSON = new ObjectMapper();

    private FacebookItems() {
    }

    /**
     * The changes of a Page webhook notification
     * {@code {"object":"page","entry":[{"id":<page id>,"time":<epoch s>,"changes":[{"field":..,"value":{..}}]}]}},
     * one item each, keyed by the comment id or else the post id, so every version and repeat of one comment lands on
     * one partition. A notification for another object (Instagram, a user) has no Page changes: none.
     */
    public static List<RawItem> split(JsonNode notification, Instant deliveredAt) {
        List<RawItem> items = new ArrayList<>();
        if (!"page".equals(notification.path("object").asText())) {
            return items;
        }
        for (JsonNode entry : notification.path("entry")) {
            String pageId = entry.path("id").asText("");
            for (JsonNode change : entry.path("changes")) {
                ObjectNode payload = JSON.createObjectNode();
                payload.put("page_id", pageId);
                payload.set("entry_time", entry.path("time").isMissingNode() ? null : entry.path("time"));
                payload.set("change", change);
                items.add(new RawItem(Network.FACEBOOK, key(pageId, change.path("value")), FEED_CHANGE, pageId,
                        deliveredAt, payload.toString()));
            }
        }
        return items;
    }

    /** A comment read back from the Graph API, keyed like its webhook change ({@code comment_id} = the comment's id). */
    public static RawItem graphComment(String pageId, String postId, JsonNode comment, Instant readAt) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("page_id", pageId);
        payload.put("post_id", postId);
        payload.set("comment", comment);
        String id = comment.path("id").asText("");
        return new RawItem(Network.FACEBOOK, id.isEmpty() ? postId : id, GRAPH_COMMENT, pageId, readAt,
                payload.toString());
    }

    private static String key(String pageId, JsonNode value) {
        for (String field : new String[] { "comment_id", "post_id" }) {
            JsonNode id = value.path(field);
            if (id.isValueNode() && !id.asText().isBlank()) {
                return id.asText();
            }
        }
        // A change without ids (or not an object) is not a mention; it only has to reach the pipeline somewhere.
        return pageId;
    }
}
