package org.clearpost.clearance.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The chain's hash: SHA-256 (lower-case hex) over the UTF-8 of the canonical JSON array
 * {@code [seq, id, occurredAt (ISO-8601), actor, action, postId|null, version|null, details, prevHash]}. Canonical
 * JSON has object keys sorted and no whitespace, so the same content always gives the same bytes, however PostgreSQL's
 * jsonb happened to order the keys.
 */
public final class AuditHash {

    /** The predecessor of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AuditHash() {
    }

    public static String of(long seq, UUID id, Instant occurredAt, String actor, String action, UUID postId,
            Integer version, JsonNode details, String prevHash) {
        ArrayNode fields = NODES.arrayNode()
                .add(seq)
                .add(id.toString())
                .add(occurredAt.toString())
                .add(actor)
                .add(action)
                .add(postId == null ? null : postId.toString())
                .add(version)
                .add(details)
                .add(prevHash);
        return sha256(canonical(fields));
    }

    /** Compact JSON with every object's keys in ascending (UTF-16 code unit) order, as RFC 8785 sorts them. */
    public static String canonical(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
