package org.clearpost.monitoring.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.IncomingMention;
import org.clearpost.support.json.InputText;
import org.clearpost.support.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Reads a Facebook Page webhook notification,
 * {@code {"object":"page","entry":[{"id":<page id>,"time":<epoch s>,"changes":[{"field":..,"value":{..}}]}]}},
 * and keeps the changes that are someone else talking to or about the Page:
 * <ul>
 * <li>{@code feed} with {@code item} {@code comment}, verb {@code add}: a comment on one of the Page's posts
 * ({@code comment_id}, {@code message}, {@code from});</li>
 * <li>{@code feed} with a post item ({@code status}, {@code post}, {@code photo}, {@code video}, {@code share}),
 * verb {@code add}: a visitor's post on the Page ({@code post_id});</li>
 * <li>{@code mention}, verb {@code add}: the Page was tagged in a post or comment elsewhere ({@code post_id},
 * {@code comment_id} for a comment, {@code sender_id}, {@code sender_name}; often without the text).</li>
 * </ul>
 * Everything else (likes, reactions, edits, removals, the Page's own posts and replies) is not a mention.
 */
public final class PageWebhookParser {

    private static final Logger LOG = Logger.getLogger(PageWebhookParser.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> POST_ITEMS = Set.of("status", "post", "photo", "video", "share");
    /**
     * The longest mention text kept (characters); Facebook's own limit on a comment is 8,000. Longer text is cut, with a
     * warning, rather than refused: refusing would make Meta retry the whole delivery for 36 hours and then drop it.
     */
    public static final int MAX_TEXT = 10_000;
    /** The longest id or author name kept (characters). */
    public static final int MAX_FIELD = 1_000;
    /** Page changes carry epoch seconds; a value this large can only be milliseconds (Messenger-style). */
    private static final long LARGEST_EPOCH_SECOND = 100_000_000_000L;

    private PageWebhookParser() {
    }

    /**
     * @param fallbackTime when the change carries neither {@code created_time} nor an entry {@code time}
     * @throws ProblemException 400 when the body is not a JSON object
     */
    public static List<IncomingMention> parse(byte[] body, Instant fallbackTime) {
        JsonNode root = readJson(body);
        List<IncomingMention> mentions = new ArrayList<>();
        if (!"page".equals(root.path("object").asText())) {
            LOG.debugf("Ignoring a webhook notification for object '%s'", root.path("object").asText());
            return mentions;
        }
        for (JsonNode entry : root.path("entry")) {
            String pageId = entry.path("id").asText("");
            Instant entryTime = epoch(entry.path("time")).orElse(fallbackTime);
            for (JsonNode change : entry.path("changes")) {
                mention(pageId, change.path("field").asText(), change.path("value"), entryTime)
                        .ifPresent(mentions::add);
            }
        }
        return mentions;
    }

    private static JsonNode readJson(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (IOException notJson) {
            LOG.debugf("Webhook body is not JSON: %s", notJson.getMessage());
        }
        throw ProblemException.badRequest("The webhook body is not a JSON object", List.of());
    }

    private static Optional<IncomingMention> mention(String pageId, String field, JsonNode value, Instant entryTime) {
        if (pageId.isEmpty() || !"add".equals(value.path("verb").asText())) {
            return Optional.empty();
        }
        String item = value.path("item").asText();
        String externalId = switch (field) {
            case "feed" -> "comment".equals(item) ? text(value, "comment_id")
                    : POST_ITEMS.contains(item) ? text(value, "post_id") : null;
            case "mention" -> "comment".equals(item) ? firstOf(text(value, "comment_id"), text(value, "post_id"))
                    : "post".equals(item) ? text(value, "post_id") : null;
            default -> null;
        };
        if (externalId == null) {
            return Optional.empty();
        }
        // Graph API 2.11 replaced sender_id/sender_name with "from" in feed changes; mention changes still use them.
        String authorId = firstOf(text(value.path("from"), "id"), text(value, "sender_id"));
        String authorName = firstOf(text(value.path("from"), "name"), text(value, "sender_name"));
        if (pageId.equals(authorId)) {
            return Optional.empty();
        }
        return Optional.of(new IncomingMention(Network.FACEBOOK, externalId, pageId, authorId, authorName,
                firstOf(text(value, "message", MAX_TEXT), ""), "https://www.facebook.com/" + externalId,
                epoch(value.path("created_time")).orElse(entryTime)));
    }

    /** The field as text, or null when it is absent, null or blank. */
    private static String text(JsonNode node, String field) {
        return text(node, field, MAX_FIELD);
    }

    /**
     * The field as storable text: NUL characters and unpaired surrogates (which PostgreSQL and UTF-8 cannot hold) are
     * removed and the text cut to {@code max} characters, each with a warning, so one bad change does not lose the
     * rest of the delivery.
     */
    private static String text(JsonNode node, String field, int max) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        String raw = value.asText();
        String kept = InputText.cleanAndCut(raw, max);
        if (!kept.equals(raw)) {
            LOG.warnf("Webhook field '%s' (%d characters) was cleaned of NUL or unpaired surrogates and cut to %d: "
                    + "kept %d characters", field, raw.length(), max, kept.length());
        }
        return kept.isBlank() ? null : kept;
    }

    private static String firstOf(String value, String otherwise) {
        return value != null ? value : otherwise;
    }

    private static Optional<Instant> epoch(JsonNode node) {
        long number;
        if (node.isIntegralNumber()) {
            number = node.asLong();
        } else if (node.isTextual() && node.asText().matches("\\d{1,18}")) {
            number = Long.parseLong(node.asText());
        } else {
            return Optional.empty();
        }
        return Optional.of(number > LARGEST_EPOCH_SECOND ? Instant.ofEpochMilli(number)
                : Instant.ofEpochSecond(number));
    }
}
