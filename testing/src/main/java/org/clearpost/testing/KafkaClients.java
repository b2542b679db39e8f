package org.clearpost.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's Kafka clients on the shared test broker, logged in as its super user (they stand in for the
 * other services):
 * {@code @RegisterExtension static final KafkaClients kafka = new KafkaClients();}. They are made on first use, once
 * the application (and so its configuration) is up, and the producer is closed after the class's last test.
 */
public final class KafkaClients implements AfterAllCallback {

    private KafkaEventSender sender;
    private KafkaTopicReader reader;

    public synchronized KafkaEventSender sender() {
        if (sender == null) {
            sender = KafkaEventSender.fromConfig();
        }
        return sender;
    }

    public synchronized KafkaTopicReader reader() {
        if (reader == null) {
            reader = KafkaTopicReader.fromConfig();
        }
        return reader;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (sender != null) {
            sender.close();
            sender = null;
        }
        reader = null;
    }
}
