package org.clearpost.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.support.outbox.CloudEventRecords;

/**
 * Puts events on the real broker the way another service's outbox relay would, so a test can drive a consumer.
 * Records are sent synchronously.
 */
public final class KafkaEventSender implements AutoCloseable {

    public static final String TEST_SOURCE = "/clearpost/test";

    private final KafkaProducer<String, String> producer;

    /** @param clientConfig bootstrap servers and SASL login, e.g. {@link RealInfrastructure#kafkaSuperUserConfig()} */
    public KafkaEventSender(Map<String, ?> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config);
    }

    /**
     * Connects to the shared test broker as its super user: the sender stands in for whichever service owns the
     * topic, which the service under test's own principal may not write.
     */
    public static KafkaEventSender fromConfig() {
        return new KafkaEventSender(RealInfrastructure.kafkaSuperUserConfig());
    }

    /** Sends the event as a new CloudEvent; returns the record, so a test can send the very same one again. */
    public ProducerRecord<String, String> send(ClearpostEvent event) {
        return send(CloudEventRecords.record(UUID.randomUUID(), event, TEST_SOURCE, Instant.now()));
    }

    public ProducerRecord<String, String> send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
            return record;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the record", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
