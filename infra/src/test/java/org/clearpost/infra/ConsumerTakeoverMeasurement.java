package org.clearpost.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures how long after a kill -9 of a consumer its replacement (same group, started at once) receives records:
 * with static membership (the services' configuration) and without (Kafka's defaults, as before). A measurement,
 * not part of the build: {@code ./mvnw -B -o -pl infra verify -Dtest=ConsumerTakeoverMeasurement
 * -Dclearpost.measure=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "clearpost.measure", matches = "true")
class ConsumerTakeoverMeasurement {

    private static final String TOPIC = "takeover";
    private static final String SUPER_USER_PASSWORD = "takeover-" + java.util.UUID.randomUUID();
    private static KafkaBroker broker;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void startBroker(@TempDir Path dataDir) {
        broker = KafkaBroker.start(dataDir, 0, SUPER_USER_PASSWORD);
        broker.createTopics(TOPIC);
        Properties config = new Properties();
        config.putAll(broker.superUserClientConfig());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(config);
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        broker.close();
    }

    @Test
    void staticMembershipAsTheServicesHaveIt() throws Exception {
        Duration delay = takeover("static-group", "analytics-service-local-8085-all-events", "10000");
        System.out.printf("TAKEOVER static membership, session.timeout.ms=10000: %d ms%n", delay.toMillis());
        assertThat(delay).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void dynamicMembershipWithKafkasDefaults() throws Exception {
        Duration delay = takeover("dynamic-group", "-", "45000");
        System.out.printf("TAKEOVER dynamic membership, session.timeout.ms=45000: %d ms%n", delay.toMillis());
    }

    /** kill -9 the first consumer, start its replacement at once, and time until the replacement receives. */
    private static Duration takeover(String group, String instanceId, String sessionTimeout) throws Exception {
        Consumer first = Consumer.start(group, instanceId, sessionTimeout);
        first.await("ASSIGNED", Duration.ofSeconds(60));
        first.process.destroyForcibly(); // SIGKILL: no LeaveGroup, no commit
        long killedAt = System.nanoTime();
        first.process.waitFor();
        long startedAt = System.nanoTime();
        Consumer replacement = Consumer.start(group, instanceId, sessionTimeout);
        try {
            for (int i = 0; ; i++) {
                // A record on every partition every 100 ms; the replacement reports the first one it gets.
                for (int partition = 0; partition < 3; partition++) {
                    producer.send(new ProducerRecord<>(TOPIC, partition, null, "after-kill-" + i));
                }
                producer.flush();
                if (replacement.poll("RECEIVED", Duration.ofMillis(100))) {
                    System.out.printf("TAKEOVER %s: replacement started %d ms, assigned %d ms after the kill%n", group,
                            (startedAt - killedAt) / 1_000_000, (replacement.assignedAt[0] - killedAt) / 1_000_000);
                    return Duration.ofNanos(System.nanoTime() - killedAt);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(120));
            }
        } finally {
            replacement.process.destroyForcibly();
            replacement.process.waitFor();
        }
    }

    private record Consumer(Process process, BlockingQueue<String> lines, long[] assignedAt) {

        static Consumer start(String group, String instanceId, String sessionTimeout) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    TakeoverConsumer.class.getName(), broker.bootstrapServers(), group, TOPIC, instanceId,
                    sessionTimeout, SUPER_USER_PASSWORD)).redirectErrorStream(true).start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            long[] assignedAt = {0};
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("ASSIGNED") && assignedAt[0] == 0) {
                            assignedAt[0] = System.nanoTime();
                        }
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            reader.setDaemon(true);
            reader.start();
            return new Consumer(process, lines, assignedAt);
        }

        void await(String prefix, Duration timeout) throws InterruptedException {
            assertThat(poll(prefix, timeout)).as("%s within %s", prefix, timeout).isTrue();
        }

        boolean poll(String prefix, Duration timeout) throws InterruptedException {
            long until = System.nanoTime() + timeout.toNanos();
            for (long left = timeout.toNanos(); left > 0; left = until - System.nanoTime()) {
                String line = lines.poll(left, TimeUnit.NANOSECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
