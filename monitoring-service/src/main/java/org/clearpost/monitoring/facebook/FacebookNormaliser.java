package org.clearpost.monitoring.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.intake.MentionNormaliser;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.UnparseableItemException;

/**
 * Facebook's raw items as mentions. Two kinds, one per way a Page's activity reaches us:
 * <ul>
 * <li>{@value FacebookItems#FEED_CHANGE}: one change of a Page webhook delivery,
 * {@code {"page_id":..,"entry_time":..,"change":{"field":..,"value":{..}}}} ({@link FacebookItems#split});</li>
 * <li>{@value FacebookItems#GRAPH_COMMENT}: one comment read back from {@code GET /{post-id}/comments} by the gap
 * reconciler, {@code {"page_id":..,"post_id":..,"comment":{"id","message","from","created_time"}}}.</li>
 * </ul>
 * A mention is someone else talking to or about the Page:
 * <ul>
 * <li>{@code feed} with {@code item} {@code comment}: a comment on one of the Page's posts ({@code comment_id});</li>
 * <li>{@code feed} with a post item ({@code status}, {@code post}, {@code photo}, {@code video}, {@code share}): a
 * visitor's post on the Page ({@code post_id});</li>
 * <li>{@code mention}: the Page was tagged in a post or comment elsewhere ({@code post_id}, {@code comment_id} for a
 * comment, {@code sender_id}, {@code sender_name}; often without the text).</li>
 * </ul>
 * Verb {@code add}, and {@code edited}: Facebook keeps the id of an edited comment or post, so an edit is the same
 * mention ({@code externalId} unchanged) and the pipeline's dedupe on the network id keeps the version it stored
 * first; an edit whose original was never received (lost in a gap) is still a mention. Removals, likes, reactions and
 * whatever the Page itself wrote are no mention. Cleaning (NUL, lone surrogates, length) is the pipeline's job.
 */
@ApplicationScoped
public class FacebookNormaliser implements MentionNormaliser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> POST_ITEMS = Set.of("status", "post", "photo", "video", "share");
    private static final Set<String> MENTION_VERBS = Set.of("add", "edited");
    /** Page changes carry epoch seconds; a value this large can only be milliseconds (Messenger-style). */
    private static final long LARGEST_EPOCH_SECOND = 100_000_000_000L;
    /** Graph writes times as {@code 2026-12-01T05:44:36+0000} (no colon in the offset). */
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");
    private static final Pattern HASHTAG = Pattern.compile("#(\\p{L}[\\p{L}\\p{N}_]*)");

    @Override
    public Network network() {
        return Network.FACEBOOK;
    }

    @Override
    public List<NormalisedMention> normalise(RawItem item) throws UnparseableItemException {
        JsonNode payload = read(item.payload());
        String pageId = required(payload, "page_id");
        return switch (item.kind()) {
            case FacebookItems.FEED_CHANGE -> change(pageId, payload, item.deliveredAt());
            case FacebookItems.GRAPH_COMMENT -> graphComment(pageId, payload, item.deliveredAt());
            default -> throw new UnparseableItemException("unknown Facebook item kind '" + item.kind() + "'");
        };
    }

    private static List<NormalisedMention> change(String pageId, JsonNode payload, Instant deliveredAt)
            throws UnparseableItemException {
        JsonNode change = payload.path("change");
        JsonNode value = change.path("value");
        if (!change.isObject() || !value.isObject() || !change.path("field").isTextual()) {
            throw new UnparseableItemException("a feed change needs change.field (text) and change.value (object)");
        }
        String verb = value.path("verb").asText();
        if (!MENTION_VERBS.contains(verb)) {
            return List.of();
        }
        String field = change.path("field").asText();
        String item = value.path("item").asText();
        String externalId = switch (field) {
            case "feed" -> "comment".equals(item) ? text(value, "comment_id")
                    : POST_ITEMS.contains(item) ? text(value, "post_id") : "";
            case "mention" -> "comment".equals(item) ? firstOf(text(value, "comment_id"), text(value, "post_id"))
                    : "post".equals(item) ? text(value, "post_id") : "";
            default -> "";
        };
        if ("".equals(externalId)) {
            return List.of(); // likes, reactions, fields that are not mentions
        }
        if (externalId == null) {
            throw new UnparseableItemException("a " + field + " " + item + " change has no "
                    + ("comment".equals(item) ? "comment_id" : "post_id"));
        }
        // Graph API 2.11 replaced sender_id/sender_name with "from" in feed changes; mention changes still use them.
        String authorId = firstOf(text(value.path("from"), "id"), text(value, "sender_id"));
        String authorName = firstOf(text(value.path("from"), "name"), text(value, "sender_name"));
        if (pageId.equals(authorId)) {
            return List.of();
        }
        Instant mentionedAt = epoch(value.path("created_time"))
                .or(() -> epoch(payload.path("entry_time"))).orElse(deliveredAt);
        return List.of(mention(externalId, pageId, authorId, authorName, firstOf(text(value, "message"), ""),
                mentionedAt, deliveredAt));
    }

    private static List<NormalisedMention> graphComment(String pageId, JsonNode payload, Instant deliveredAt)
            throws UnparseableItemException {
        JsonNode comment = payload.path("comment");
        if (!comment.isObject()) {
            throw new UnparseableItemException("a graph comment needs comment (object)");
        }
        String id = required(comment, "id");
        String authorId = text(comment.path("from"), "id");
        if (pageId.equals(authorId)) {
            return List.of();
        }
        Instant mentionedAt = graphTime(comment.path("created_time")).orElse(deliveredAt);
        return List.of(mention(id, pageId, authorId, text(comment.path("from"), "name"),
                firstOf(text(comment, "message"), ""), mentionedAt, deliveredAt));
    }

    private static NormalisedMention mention(String externalId, String pageId, String authorId, String authorName,
            String text, Instant mentionedAt, Instant deliveredAt) {
        // Facebook has no public handles for people: author: queries match the author's name or id instead.
        return new NormalisedMention(Network.FACEBOOK, externalId, List.of(), pageId, authorId, null, authorName,
                text, "https://www.facebook.com/" + externalId, null, hashtags(text), List.of(pageId), mentionedAt,
                deliveredAt);
    }

    private static List<String> hashtags(String text) {
        Set<String> tags = new LinkedHashSet<>();
        Matcher m = HASHTAG.matcher(text);
        while (m.find()) {
            tags.add(m.group(1));
        }
        return new ArrayList<>(tags);
    }

    private static JsonNode read(String payload) throws UnparseableItemException {
        try {
            JsonNode root = payload == null ? null : JSON.readTree(payload);
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (IOException notJson) {
            throw new UnparseableItemException("payload is not JSON: " + notJson.getMessage(), notJson);
        }
        throw new UnparseableItemException("payload is not a JSON object");
    }

    private static String required(JsonNode node, String field) throws UnparseableItemException {
        String value = text(node, field);
        if (value == null) {
            throw new UnparseableItemException(field + " is missing");
        }
        return value;
    }

    /** The field as text, or null when it is absent, null, not a value or blank. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return !value.isValueNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
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

    /** Graph's {@code 2026-12-01T05:44:36+0000}, or ISO-8601 with a colon in the offset. */
    static Optional<Instant> graphTime(JsonNode node) {
        if (!node.isTextual()) {
            return epoch(node);
        }
        try {
            return Optional.of(OffsetDateTime.parse(node.asText(), GRAPH_TIME).toInstant());
        } catch (DateTimeParseException notGraphs) {
            try {
                return Optional.of(OffsetDateTime.parse(node.asText()).toInstant());
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
    }
}
