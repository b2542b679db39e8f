package org.clearpost.monitoring.bluesky;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.intake.MentionNormaliser;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.UnparseableItemException;

/**
 * Bluesky posts, from Jetstream commits ({@value #JETSTREAM_COMMIT}) or {@code listNotifications} entries
 * ({@value #NOTIFICATION}). One post version is {@code <at-uri>#<cid>}: Jetstream is at-least-once and a notification
 * may repeat a streamed post, and both carry the same at-uri and cid. An update has a new cid, so it is a new version;
 * its at-uri is its alias, which makes it the same mention as the first version. Deletes and other collections are
 * not mentions.
 */
@ApplicationScoped
public class BlueskyNormaliser implements MentionNormaliser {

    public static final String JETSTREAM_COMMIT = "jetstream-commit";
    public static final String NOTIFICATION = "notification";
    static final String POST = "app.bsky.feed.post";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> accounts;

    @Inject
    public BlueskyNormaliser(BlueskyConfig config) {
        this(Set.copyOf(config.accountDids().orElse(List.of())));
    }

    BlueskyNormaliser(Set<String> accounts) {
        this.accounts = accounts;
    }

    @Override
    public Network network() {
        return Network.BLUESKY;
    }

    /** The at-uri of a post. */
    public static String atUri(String did, String rkey) {
        return "at://" + did + "/" + POST + "/" + rkey;
    }

    @Override
    public List<NormalisedMention> normalise(RawItem item) throws UnparseableItemException {
        if (item.payload() == null) {
            throw new UnparseableItemException("Bluesky " + item.kind() + " has no payload");
        }
        JsonNode root;
        try {
            root = JSON.readTree(item.payload());
        } catch (JsonProcessingException e) {
            throw new UnparseableItemException("Bluesky " + item.kind() + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new UnparseableItemException("Bluesky " + item.kind() + " is not a JSON object");
        }
        return switch (item.kind()) {
            case JETSTREAM_COMMIT -> fromCommit(root, item);
            case NOTIFICATION -> fromNotification(root, item);
            default -> throw new UnparseableItemException("unknown Bluesky item kind '" + item.kind() + "'");
        };
    }

    private List<NormalisedMention> fromCommit(JsonNode event, RawItem item) throws UnparseableItemException {
        if (!"commit".equals(event.path("kind").asText())) {
            return List.of(); // identity and account events
        }
        JsonNode commit = event.path("commit");
        String operation = commit.path("operation").asText();
        if (!POST.equals(commit.path("collection").asText()) || "delete".equals(operation)) {
            return List.of();
        }
        if (!"create".equals(operation) && !"update".equals(operation)) {
            throw new UnparseableItemException("Jetstream commit has operation '" + operation + "'");
        }
        String did = required(event, "did");
        long timeUs = event.path("time_us").asLong(0);
        Instant seen = timeUs > 0 ? Instant.ofEpochSecond(timeUs / 1_000_000, (timeUs % 1_000_000) * 1000) : null;
        return List.of(post(did, required(commit, "rkey"), required(commit, "cid"), record(commit), null, null,
                seen, null, item));
    }

    private List<NormalisedMention> fromNotification(JsonNode n, RawItem item) throws UnparseableItemException {
        String uri = required(n, "uri");
        String prefix = "at://";
        String[] parts = uri.startsWith(prefix) ? uri.substring(prefix.length()).split("/") : new String[0];
        if (parts.length != 3) {
            throw new UnparseableItemException("notification uri '" + uri + "' is not at://<did>/<collection>/<rkey>");
        }
        if (!POST.equals(parts[1])) {
            return List.of(); // likes, reposts, follows: not something said to the body
        }
        JsonNode author = n.path("author");
        Instant indexedAt = instant(n.path("indexedAt").asText(null));
        // A notification is about its account: a mention, reply or quote of it
        String account = item.account() != null && accounts.contains(item.account()) ? item.account() : null;
        return List.of(post(parts[0], parts[2], required(n, "cid"), record(n), author.path("handle").asText(null),
                author.path("displayName").asText(null), indexedAt, account, item));
    }

    private NormalisedMention post(String did, String rkey, String cid, JsonNode record, String handle, String name,
            Instant seen, String notifiedAccount, RawItem item) {
        String uri = atUri(did, rkey);
        String text = record.path("text").asText("");
        Facets facets = Facets.of(text, record.path("facets"));
        Set<String> hashtags = new LinkedHashSet<>(facets.tags());
        record.path("tags").forEach(t -> hashtags.add(t.asText().replaceFirst("^#", "")));
        List<String> mentioned = new ArrayList<>(facets.mentionDids());
        mentioned.addAll(facets.handles());
        String account = facets.mentionDids().stream().filter(accounts::contains).findFirst()
                .orElseGet(() -> firstAccountIn(record.path("reply").path("parent").path("uri").asText(""),
                        record.path("reply").path("root").path("uri").asText(""),
                        record.path("embed").path("record").path("uri").asText(""),
                        record.path("embed").path("record").path("record").path("uri").asText("")));
        if (account == null) {
            account = notifiedAccount;
        }
        JsonNode langs = record.path("langs");
        Instant createdAt = instant(record.path("createdAt").asText(null));
        return new NormalisedMention(Network.BLUESKY, uri + "#" + cid, List.of(uri), account, did, handle, name,
                text, "https://bsky.app/profile/" + did + "/post/" + rkey,
                langs.isArray() && !langs.isEmpty() ? langs.get(0).asText() : null, List.copyOf(hashtags), mentioned,
                createdAt != null ? createdAt : seen != null ? seen : item.deliveredAt(), item.deliveredAt());
    }

    /** The body's account that owns the first of these at-uris (a reply's parent or root, a quoted post). */
    private String firstAccountIn(String... uris) {
        for (String uri : uris) {
            if (uri.startsWith("at://")) {
                String did = uri.substring(5).split("/", 2)[0];
                if (accounts.contains(did)) {
                    return did;
                }
            }
        }
        return null;
    }

    private static JsonNode record(JsonNode holder) throws UnparseableItemException {
        JsonNode record = holder.path("record");
        if (!record.isObject()) {
            throw new UnparseableItemException("Bluesky post has no record object");
        }
        if (!record.path("text").isMissingNode() && !record.path("text").isTextual()) {
            throw new UnparseableItemException("Bluesky record.text is not a string");
        }
        return record;
    }

    private static String required(JsonNode node, String field) throws UnparseableItemException {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new UnparseableItemException("Bluesky item has no '" + field + "'");
        }
        return value.asText();
    }

    /** Bluesky datetimes are RFC 3339 with an offset; a malformed one is no reason to lose the post. */
    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
