package org.clearpost.infra;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer in its own JVM for {@link ConsumerTakeoverMeasurement}, configured as the services' consumers are
 * (service-support's defaults): {@code args = bootstrap group topic instance-id|- session-timeout-ms super-user-password}. Prints
 * {@code ASSIGNED} when it has partitions and {@code RECEIVED <value>} for every record.
 */
public final class TakeoverConsumer {

    public static void main(String[] args) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        config.putAll(KafkaBroker.scramLogin(KafkaBroker.SUPER_USER, args[5]));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, args[1]);
        if (!"-".equals(args[3])) {
            config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, args[3]);
        }
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, args[4]);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
        config.put(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, "100");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(args[2]), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        System.out.println("ASSIGNED " + partitions);
                        System.out.flush();
                    }
                }
            });
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    System.out.println("RECEIVED " + record.value());
                    System.out.flush();
                }
            }
        }
    }
}
