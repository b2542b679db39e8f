package org.clearpost.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearpost.events.figures.FigureType;

/**
 * Generates the AsyncAPI 3.0 document of every Clearpost topic ({@value #RESOURCE}) from the contract's catalogues:
 * a channel per topic the broker holds ({@link KafkaAccess#topics()}: the event topics, analytics' figure topics,
 * monitoring's internal topics and the dead-letter topics), a message per event type ({@link EventType}) and figure
 * ({@link FigureType}) with the CloudEvents headers and its JSON Schema from {@code schemas/} as payload, a {@code send}
 * operation by each topic's one writer and a {@code receive} operation by each reader ({@link KafkaAccess}). Nothing
 * in it is written by hand, so it cannot drift: {@code AsyncApiDocumentTest} fails when the committed file is not what
 * this generates, and {@code main} (or that test with {@code -Dasyncapi.write=true}) rewrites it.
 */
public final class AsyncApiDocument {

    /** Classpath location of the generated document; the payload references are relative to it. */
    public static final String RESOURCE = "/asyncapi.json";
    /** Where the document is kept in the repository, from the repository's root. */
    public static final String SOURCE_PATH = "events/src/main/resources/asyncapi.json";
    /** The payloads are this module's JSON Schemas, draft 2020-12 (not AsyncAPI's default schema format). */
    public static final String SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";
    /** The Kafka bindings' version the document uses. */
    public static final String KAFKA_BINDING_VERSION = "0.5.0";

    /** What a channel carries: the consumers' contract, or what no analyst may rely on. */
    public enum ChannelKind {
        /** CloudEvents of one producing service, {@code Topics.ALL}. */
        EVENTS,
        /** Rows of one of analytics' figures, compacted, CloudEvents. */
        FIGURE,
        /** A service's own working storage ({@code Topics.INTERNAL}): no CloudEvents, its shape is the owner's. */
        INTERNAL,
        /** What a consuming service could not process, parked with the original record. */
        DEAD_LETTER
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AsyncApiDocument() {
    }

    /** Writes the document to {@code args[0]} (default: {@link #SOURCE_PATH} from the working directory). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : SOURCE_PATH);
        Files.writeString(target, json(), StandardCharsets.UTF_8);
        System.out.println("wrote " + target.toAbsolutePath());
    }

    /** The document as the file holds it: pretty-printed JSON, two-space indents, a final newline. */
    public static String json() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(document()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the AsyncAPI document", e);
        }
    }

    /** The kind of channel {@code topic} is. */
    public static ChannelKind kindOf(String topic) {
        if (Topics.ALL.contains(topic)) {
            return ChannelKind.EVENTS;
        }
        if (Arrays.stream(FigureType.values()).anyMatch(type -> type.topic().equals(topic))) {
            return ChannelKind.FIGURE;
        }
        if (Topics.INTERNAL.contains(topic)) {
            return ChannelKind.INTERNAL;
        }
        if (KafkaAccess.SERVICES.stream().anyMatch(s -> Topics.deadLetter(s.principal()).equals(topic))) {
            return ChannelKind.DEAD_LETTER;
        }
        throw new IllegalArgumentException("not a Clearpost topic: " + topic);
    }

    /** A Kafka server every principal logs in to with SCRAM, as both deployments do. */
    private static void server(ObjectNode servers, String name, String host, String description) {
        ObjectNode server = servers.putObject(name);
        server.put("host", host);
        server.put("protocol", "kafka");
        server.put("description", description);
        server.putArray("security").addObject().put("$ref", "#/components/securitySchemes/scram");
    }

    public static ObjectNode document() {
        ObjectNode root = JSON.objectNode();
        root.put("asyncapi", "3.0.0");
        root.put("id", "urn:clearpost:events");
        ObjectNode info = root.putObject("info");
        info.put("title", "Clearpost topics");
        info.put("version", "1");
        info.put("description", """
                Every Kafka topic of Clearpost, generated from the events module's catalogues (EventType, FigureType, \
                KafkaAccess, Topics) by org.clearpost.events.AsyncApiDocument: do not edit by hand. Event and figure \
                topics carry CloudEvents 1.0 in the Kafka binding's binary mode: the record value is the event as JSON \
                (the payload schema), the attributes are headers, the record key is the aggregate id (ce_subject). \
                Channels marked x-clearpost-kind INTERNAL are a service's own working storage: no analyst may rely on \
                their shape. Analysts log in as `analyst` (read-only, consumer groups starting with `analyst-`); see \
                docs/events.md. Production retention and partitions: deploy/kubernetes/src/main/kubernetes/topics.yaml.""");
        root.put("defaultContentType", CloudEventHeaders.JSON);

        ObjectNode servers = root.putObject("servers");
        server(servers, "local", "localhost:9092", "The local launcher's broker (deploy/local); SASL SCRAM-SHA-512 "
                + "over plaintext, credentials in .local-data/secrets/kafka-<principal>.properties.");
        server(servers, "kubernetes", "clearpost-kafka-bootstrap:9092", "The Strimzi cluster `clearpost` "
                + "(deploy/kubernetes); each principal's password is in the Secret its KafkaUser names.");

        ObjectNode channels = root.putObject("channels");
        ObjectNode operations = root.putObject("operations");
        ObjectNode components = root.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("cloudEventsHeaders", cloudEventsHeaders());
        ObjectNode security = components.putObject("securitySchemes").putObject("scram");
        security.put("type", "scramSha512");
        security.put("description", "SASL SCRAM-SHA-512: one principal per service (named like it), `analyst` "
                + "read-only; anything no ACL allows is refused (KafkaAccess).");

        for (String topic : KafkaAccess.topics()) {
            ChannelKind kind = kindOf(topic);
            String owner = KafkaAccess.writersOf(topic).get(0);
            ObjectNode channel = channels.putObject(topic);
            channel.put("address", topic);
            channel.put("title", topic);
            channel.put("description", channelDescription(topic, kind, owner));
            ObjectNode channelMessages = channel.putObject("messages");
            for (MessageSpec message : messagesOf(topic, kind, owner)) {
                channelMessages.putObject(message.id()).put("$ref", "#/components/messages/" + message.id());
                if (!messages.has(message.id())) {
                    messages.set(message.id(), message.node());
                }
            }
            ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
            kafka.put("topic", topic);
            Topics.partitions(topic).ifPresent(partitions -> kafka.put("partitions", partitions));
            if (Topics.compacted(topic)) {
                kafka.putObject("topicConfiguration").putArray("cleanup.policy").add("compact");
            }
            kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
            channel.put("x-clearpost-kind", kind.name());
            channel.put("x-clearpost-compacted", Topics.compacted(topic));

            ObjectNode send = operations.putObject(owner + ".sends." + topic);
            send.put("action", "send");
            send.putObject("channel").put("$ref", "#/channels/" + pointer(topic));
            send.put("summary", owner + " writes " + topic + " (its only writer).");
            send.put("x-clearpost-principal", owner);
            ArrayNode sendMessages = send.putArray("messages");
            channelMessages.fieldNames().forEachRemaining(id -> sendMessages.addObject()
                    .put("$ref", "#/channels/" + pointer(topic) + "/messages/" + id));
            for (KafkaAccess.ServiceAccess reader : KafkaAccess.SERVICES) {
                if (reader.reads().contains(topic)) {
                    ObjectNode receive = operations.putObject(reader.principal() + ".receives." + topic);
                    receive.put("action", "receive");
                    receive.putObject("channel").put("$ref", "#/channels/" + pointer(topic));
                    receive.put("summary", reader.principal() + " reads " + topic + " in its consumer group.");
                    receive.put("x-clearpost-principal", reader.principal());
                }
            }
        }
        return root;
    }

    /** The JSON Schema resource a message's payload is, for event and figure messages. */
    public static String payloadReference(String schemaResource) {
        return schemaResource.substring(1);
    }

    private record MessageSpec(String id, ObjectNode node) {
    }

    private static List<MessageSpec> messagesOf(String topic, ChannelKind kind, String owner) {
        return switch (kind) {
            case EVENTS -> Arrays.stream(EventType.values()).filter(type -> type.topic().equals(topic))
                    .map(type -> new MessageSpec(type.ceType(), cloudEvent(type.recordType().getSimpleName(),
                            type.ceType(), owner, type.schemaResource(),
                            "The " + type.aggregateType() + " id (also ce_subject).")))
                    .toList();
            case FIGURE -> Arrays.stream(FigureType.values()).filter(type -> type.topic().equals(topic))
                    .map(type -> new MessageSpec(type.ceType(), cloudEvent(type.recordType().getSimpleName(),
                            type.ceType(), owner, type.schemaResource(), figureKey(type))))
                    .toList();
            case INTERNAL -> List.of(internal(topic));
            case DEAD_LETTER -> List.of(deadLetter(topic, owner));
        };
    }

    private static ObjectNode cloudEvent(String name, String ceType, String owner, String schemaResource,
            String key) {
        JsonNode schema = schema(schemaResource);
        ObjectNode message = JSON.objectNode();
        message.put("name", name);
        message.put("title", name);
        message.put("summary", schema.path("description").asText());
        message.put("contentType", CloudEventHeaders.JSON);
        ArrayNode allOf = message.putObject("headers").putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/cloudEventsHeaders");
        ObjectNode these = allOf.addObject();
        these.put("type", "object");
        ObjectNode properties = these.putObject("properties");
        properties.putObject(CloudEventHeaders.TYPE).put("const", ceType);
        properties.putObject(CloudEventHeaders.SOURCE).put("const", "/clearpost/" + owner);
        ObjectNode payload = message.putObject("payload");
        payload.put("schemaFormat", SCHEMA_FORMAT);
        payload.putObject("schema").put("$ref", payloadReference(schemaResource));
        ObjectNode binding = message.putObject("bindings").putObject("kafka");
        ObjectNode keySchema = binding.putObject("key");
        keySchema.put("type", "string");
        keySchema.put("description", key);
        binding.put("bindingVersion", KAFKA_BINDING_VERSION);
        return message;
    }

    private static MessageSpec internal(String topic) {
        ObjectNode message = JSON.objectNode();
        String name = "internal." + topic;
        message.put("name", name);
        message.put("title", topic + " (internal)");
        message.put("summary", "Internal working storage of its one writer; not CloudEvents, no schema in the "
                + "contract: its shape may change without notice (docs/events.md).");
        ObjectNode payload = message.putObject("payload");
        payload.put("description", Topics.MONITORING_RAW_MENTIONS.equals(topic)
                ? "A RawItem as JSON: network, key, kind, account, deliveredAt, payload (the network's own JSON)."
                : "The intake's cursor, as text.");
        payload.put("type", Topics.MONITORING_RAW_MENTIONS.equals(topic) ? "object" : "string");
        return new MessageSpec(name, message);
    }

    private static MessageSpec deadLetter(String topic, String owner) {
        ObjectNode message = JSON.objectNode();
        String name = "dead-letter." + owner;
        message.put("name", name);
        message.put("title", owner + " dead letter");
        message.put("summary", "A record " + owner + " could not process: the original key, value and headers, "
                + "with dead-letter-reason and dead-letter-* headers saying why and where it came from.");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        headers.putObject("properties").putObject("dead-letter-reason").put("type", "string");
        message.putObject("payload").put("description", "The original record's value, unchanged.");
        return new MessageSpec(name, message);
    }

    private static ObjectNode cloudEventsHeaders() {
        ObjectNode headers = JSON.objectNode();
        headers.put("type", "object");
        headers.put("description", "CloudEvents 1.0 attributes, Kafka protocol binding, binary content mode: one "
                + "header each, UTF-8 text.");
        ArrayNode required = headers.putArray("required");
        List.of(CloudEventHeaders.ID, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
                CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT, CloudEventHeaders.CONTENT_TYPE).forEach(required::add);
        ObjectNode properties = headers.putObject("properties");
        header(properties, CloudEventHeaders.ID, "A UUID, unique per event; consumers use it to drop repeats.")
                .put("format", "uuid");
        header(properties, CloudEventHeaders.SPEC_VERSION, "The CloudEvents version.")
                .put("const", CloudEventHeaders.SPEC_VERSION_1_0);
        header(properties, CloudEventHeaders.TYPE, "The event or figure type, e.g. clearpost.post.drafted.v1; the .vN "
                + "suffix changes only on a breaking change.");
        header(properties, CloudEventHeaders.SOURCE, "/clearpost/<service>, the producing service.")
                .put("pattern", "^/clearpost/[a-z-]+$");
        header(properties, CloudEventHeaders.TIME, "When the state change committed (a figure row: its asOf), "
                + "RFC 3339.").put("format", "date-time");
        header(properties, CloudEventHeaders.SUBJECT, "The aggregate id (events) or the row's key (figures), the "
                + "same as the record key.");
        header(properties, CloudEventHeaders.CONTENT_TYPE, "The record value's media type.")
                .put("const", CloudEventHeaders.JSON);
        return headers;
    }

    private static ObjectNode header(ObjectNode properties, String name, String description) {
        ObjectNode header = properties.putObject(name);
        header.put("type", "string");
        header.put("description", description);
        return header;
    }

    private static String channelDescription(String topic, ChannelKind kind, String owner) {
        return switch (kind) {
            case EVENTS -> "Events of " + owner + ", CloudEvents, keyed by aggregate id.";
            case FIGURE -> "A figure of " + owner + " (" + topic.substring(FigureType.TOPIC_PREFIX.length())
                    + "), one row per key, compacted: a later row with the same key replaces the earlier one. "
                    + "Rebuilt from the event topics by a replay.";
            case INTERNAL -> "Internal to " + owner + ": not CloudEvents, not for analysts.";
            case DEAD_LETTER -> "Records " + owner + " could not process, for operations.";
        };
    }

    /** A figure schema's description ends its first part with "Key: parts.", the record key it is written under. */
    private static String figureKey(FigureType type) {
        String description = schema(type.schemaResource()).path("description").asText();
        Matcher matcher = Pattern.compile("Key: (.+?)\\.(?: |$)").matcher(description);
        if (!matcher.find()) {
            throw new IllegalStateException(type.schemaResource() + "'s description does not say its key (Key: ...)");
        }
        return matcher.group(1) + " (also ce_subject).";
    }

    private static JsonNode schema(String resource) {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A channel id as a JSON pointer token ('/' and '~' escaped). */
    private static String pointer(String id) {
        return id.replace("~", "~0").replace("/", "~1");
    }
}
