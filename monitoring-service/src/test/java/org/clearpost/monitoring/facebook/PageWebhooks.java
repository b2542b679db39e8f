package org.clearpost.monitoring.facebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Object Mother for Facebook Page webhook notifications, shaped as Meta (and the network sandbox's
 * PageWebhookPayloads) send them: ids are numeric strings, comment ids are {@code <post-part>_<number>}, times are
 * epoch seconds.
 */
public final class PageWebhooks {

    public static final String PAGE_ID = "104523456789012";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fresh ids per call, so tests sharing one database never collide on (network, external id). */
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    private PageWebhooks() {
    }

    public static String nextId() {
        return Long.toString(IDS.incrementAndGet());
    }

    /** A resident's comment on one of the Page's posts ({@code feed}, item {@code comment}). */
    public static ObjectNode comment(String postId, String commentId, String authorId, String authorName,
            String message, long createdTime) {
        ObjectNode value = JSON.createObjectNode();
        value.putObject("from").put("id", authorId).put("name", authorName);
        value.put("message", message)
                .put("post_id", postId)
                .put("comment_id", commentId)
                .put("parent_id", postId)
                .put("created_time", createdTime)
                .put("item", "comment")
                .put("verb", "add");
        return change("feed", value);
    }

    /** A visitor's text post on the Page ({@code feed}, item {@code status}). */
    public static ObjectNode visitorPost(String postId, String authorId, String authorName, String message,
            long createdTime) {
        ObjectNode value = JSON.createObjectNode();
        value.putObject("from").put("id", authorId).put("name", authorName);
        value.put("message", message)
                .put("post_id", postId)
                .put("created_time", createdTime)
                .put("item", "status")
                .put("published", 1)
                .put("verb", "add");
        return change("feed", value);
    }

    /** The Page tagged in someone's post elsewhere ({@code mention}): Meta sends ids and the sender, not the text. */
    public static ObjectNode mentionInPost(String postId, String senderId, String senderName) {
        ObjectNode value = JSON.createObjectNode()
                .put("post_id", postId)
                .put("sender_name", senderName)
                .put("item", "post")
                .put("sender_id", senderId)
                .put("verb", "add");
        return change("mention", value);
    }

    /** Someone liked a post on the Page: feed activity, but not a mention. */
    public static ObjectNode like(String postId, String userId, long createdTime) {
        ObjectNode value = JSON.createObjectNode()
                .put("parent_id", postId)
                .put("post_id", postId)
                .put("user_id", userId)
                .put("created_time", createdTime)
                .put("item", "like")
                .put("verb", "add");
        return change("feed", value);
    }

    /** The whole notification for one Page, as the raw bytes Meta would sign. */
    public static byte[] notification(String pageId, long time, ObjectNode... changes) {
        ObjectNode payload = JSON.createObjectNode().put("object", "page");
        ObjectNode entry = payload.putArray("entry").addObject().put("id", pageId).put("time", time);
        for (ObjectNode change : changes) {
            entry.withArray("changes").add(change);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** The X-Hub-Signature-256 value Meta would send, computed here independently of {@link WebhookSignature}. */
    public static String sign(String appSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode change(String field, ObjectNode value) {
        ObjectNode change = JSON.createObjectNode().put("field", field);
        change.set("value", value);
        return change;
    }
}
