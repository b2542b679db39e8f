package org.clearpost.monitoring.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.clearpost.events.Network;

/**
 * A {@link RawItem} as the value of a raw-mentions record: a flat JSON object
 * {@code {"network","key","kind","account","deliveredAt","payload"}}, the payload kept as the text the network sent
 * (not re-parsed: an item that is not even JSON must still reach the pipeline, to be dead-lettered there with its
 * reason). Internal to monitoring, so not a CloudEvent and free to change with the pipeline.
 *
 * <p>Read and written with Jackson's streaming parser and generator, not a tree: every mention passes through here
 * twice (intake, pipeline), and the payload, most of the record, is one string that a tree would copy into a node
 * first (issue 11's profile of the pipeline).
 */
public final class RawItemCodec {

    private static final JsonFactory JSON = new JsonFactory();

    private RawItemCodec() {
    }

    public static String write(RawItem item) {
        StringWriter out = new StringWriter(item.payload() == null ? 128 : item.payload().length() + 160);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("network", item.network().name());
            json.writeStringField("key", item.key());
            json.writeStringField("kind", item.kind());
            json.writeStringField("account", item.account());
            json.writeStringField("deliveredAt", item.deliveredAt() == null ? null : item.deliveredAt().toString());
            json.writeStringField("payload", item.payload());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /** @throws UnparseableItemException when the record is not a raw item this codec wrote */
    public static RawItem read(String json) throws UnparseableItemException {
        if (json == null) {
            throw new UnparseableItemException("the raw record is not a JSON object");
        }
        String network = null;
        String key = null;
        String kind = null;
        String account = null;
        String delivered = null;
        String payload = null;
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnparseableItemException("the raw record is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                String value = value(parser);
                switch (field) {
                    case "network" -> network = value;
                    case "key" -> key = value;
                    case "kind" -> kind = value;
                    case "account" -> account = value;
                    case "deliveredAt" -> delivered = value;
                    case "payload" -> payload = value;
                    default -> {
                        // another writer's field: ignored, as the tree reader did
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new UnparseableItemException("the raw record is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        try {
            if (network == null) {
                throw new IllegalArgumentException("'network' is missing");
            }
            if (payload == null) {
                throw new IllegalArgumentException("'payload' is missing");
            }
            return new RawItem(Network.valueOf(network), key, kind, account,
                    delivered == null ? null : Instant.parse(delivered), payload);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new UnparseableItemException("the raw record is not a raw item: " + e.getMessage(), e);
        }
    }

    /** A field's value as text: null for JSON null, the text of a scalar, "" for an object or array (skipped). */
    private static String value(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected end of input");
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isStructStart()) {
            parser.skipChildren();
            return "";
        }
        return parser.getText();
    }
}
