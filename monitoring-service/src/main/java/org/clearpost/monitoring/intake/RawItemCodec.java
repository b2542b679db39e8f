package org.clearpost.monitoring.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.clearpost.events.Network;

/**
 * A {@link RawItem} as the value of a raw-mentions record: a flat JSON object
 * {@code {"network","key","kind","account","deliveredAt","payload"}}, the payload kept as the text the network sent
 * (not re-parsed: an item that is not even JSON must still reach the pipeline, to be dead-lettered there with its
 * reason). Internal to monitoring, so not a CloudEvent and free to change with the pipeline.
 */
public final class RawItemCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawItemCodec() {
    }

    public static String write(RawItem item) {
        ObjectNode node = JSON.createObjectNode();
        node.put("network", item.network().name());
        node.put("key", item.key());
        node.put("kind", item.kind());
        node.put("account", item.account());
        node.put("deliveredAt", item.deliveredAt() == null ? null : item.deliveredAt().toString());
        node.put("payload", item.payload());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /** @throws UnparseableItemException when the record is not a raw item this codec wrote */
    public static RawItem read(String json) throws UnparseableItemException {
        JsonNode node;
        try {
            node = json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UnparseableItemException("the raw record is not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new UnparseableItemException("the raw record is not a JSON object");
        }
        try {
            Network network = Network.valueOf(required(node, "network"));
            String delivered = text(node, "deliveredAt");
            return new RawItem(network, text(node, "key"), text(node, "kind"), text(node, "account"),
                    delivered == null ? null : Instant.parse(delivered), required(node, "payload"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new UnparseableItemException("the raw record is not a raw item: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
