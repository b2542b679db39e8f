package org.clearpost.monitoring.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.intake.MentionNormaliser;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.UnparseableItemException;

/**
 * Mastodon's Notification (type {@code mention}) and Status entities as mentions. The external id is the status id,
 * the same for every edit of the status, so an edit read later is the same mention (the pipeline keeps the first it
 * stored); the text is the HTML {@code content} as plain text; hashtags come from {@code tags} and mentioned accounts
 * from {@code mentions} (Mastodon resolved both; the text is not searched). The account is the body's own (the token's
 * user), as configured: notifications only ever concern it.
 */
@ApplicationScoped
public class MastodonNormaliser implements MentionNormaliser {

    private final ObjectMapper mapper;
    private final MastodonConfig config;

    MastodonNormaliser(ObjectMapper mapper, MastodonConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    @Override
    public Network network() {
        return Network.MASTODON;
    }

    @Override
    public List<NormalisedMention> normalise(RawItem item) throws UnparseableItemException {
        JsonNode root;
        try {
            root = mapper.readTree(item.payload());
        } catch (IOException | RuntimeException e) {
            throw new UnparseableItemException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new UnparseableItemException("not a JSON object");
        }
        JsonNode status;
        if (MastodonIntake.KIND_STATUS_UPDATE.equals(item.kind())) {
            status = root;
            if (!mentionsOwnAccount(status)) {
                return List.of(); // an edit on the home timeline that does not concern the body
            }
        } else {
            String type = text(root, "type");
            if (type == null) {
                throw new UnparseableItemException("notification without a type");
            }
            if (!"mention".equals(type)) {
                return List.of();
            }
            status = root.path("status");
            if (!status.isObject()) {
                throw new UnparseableItemException("mention notification " + text(root, "id") + " without a status");
            }
        }
        String id = text(status, "id");
        if (id == null) {
            throw new UnparseableItemException("status without an id");
        }
        JsonNode author = status.path("account").isObject() ? status.path("account") : root.path("account");
        String acct = text(author, "acct");
        String url = text(status, "url") != null ? text(status, "url") : text(status, "uri");
        return List.of(new NormalisedMention(Network.MASTODON, id, List.of(), config.account(), text(author, "id"),
                acct, blankToNull(text(author, "display_name")), HtmlText.toPlain(text(status, "content")), url,
                text(status, "language"), names(status.path("tags"), "name"), names(status.path("mentions"), "acct"),
                time(status.path("created_at"), root.path("created_at"), item.deliveredAt()), item.deliveredAt()));
    }

    private boolean mentionsOwnAccount(JsonNode status) {
        String own = config.account().toLowerCase(Locale.ROOT);
        for (JsonNode m : status.path("mentions")) {
            String acct = m.path("acct").asText("").toLowerCase(Locale.ROOT);
            if (acct.equals(own)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        for (JsonNode n : array) {
            String v = text(n, field);
            if (v != null) {
                names.add(v);
            }
        }
        return names;
    }

    private static Instant time(JsonNode first, JsonNode second, Instant fallback) throws UnparseableItemException {
        for (JsonNode n : List.of(first, second)) {
            if (n.isTextual()) {
                try {
                    return OffsetDateTime.parse(n.asText()).toInstant();
                } catch (DateTimeParseException e) {
                    throw new UnparseableItemException("created_at is not an ISO 8601 time: " + n.asText());
                }
            }
        }
        return fallback;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() || v.isNumber() ? v.asText() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
