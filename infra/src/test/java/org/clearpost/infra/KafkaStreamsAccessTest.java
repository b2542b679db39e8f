package org.clearpost.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.clearpost.events.KafkaAccess;
import org.clearpost.events.Topics;
import org.clearpost.events.figures.FigureType;
import org.junit.jupiter.api.Test;

/**
 * analytics-service's Kafka Streams application against the broker as the launcher provisions it
 * ({@link KafkaSecurity#provision}): a real Streams topology with a repartition and a changelog topic, exactly_once_v2,
 * logged in as analytics-service, runs under its own application id and under a replay's generation id; the same
 * login cannot touch what belongs to others.
 */
class KafkaStreamsAccessTest extends ProvisionedKafkaTest {

    private static final String ANALYTICS = KafkaAccess.ANALYTICS.principal();

    /**
     * Posts counted per account (a re-key, so a repartition topic, and a count, so a changelog) into a figure topic:
     * Streams creates both internal topics, joins its group and commits in transactions, all as analytics-service.
     */
    @Test
    void aStreamsApplicationRunsExactlyOnceAsAnalyticsUnderItsIdAndAReplaysGenerationId() throws Exception {
        try (var producer = producer("drafting-service", Optional.empty())) {
            for (int i = 0; i < 6; i++) {
                producer.send(new ProducerRecord<>(Topics.DRAFTING_POSTS, "post-" + i, "account-" + (i % 2)))
                        .get(10, TimeUnit.SECONDS);
            }
        }
        for (String applicationId : List.of(ANALYTICS, ANALYTICS + "-g2")) {
            String figureTopic = FigureType.POST_ACTIVITY.topic();
            Map<String, String> counts = runUntil(applicationId, figureTopic, latest -> "3".equals(latest.get(
                    "account-0")) && "3".equals(latest.get("account-1")));

            assertThat(counts).as(applicationId).containsEntry("account-0", "3").containsEntry("account-1", "3");
            try (Admin admin = Admin.create(broker.superUserClientConfig())) {
                Set<String> internal = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                        .filter(topic -> topic.startsWith(applicationId + "-")).collect(Collectors.toSet());
                assertThat(internal).as(applicationId + "'s internal topics")
                        .anyMatch(topic -> topic.endsWith("-repartition")).anyMatch(topic -> topic.endsWith("-changelog"));
                assertThat(admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS))
                        .anyMatch(group -> group.groupId().equals(applicationId));
            }
        }

        // A replay removes the older generation's state: its internal topics and its group.
        try (Admin admin = Admin.create(login(ANALYTICS))) {
            Set<String> first = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(topic -> topic.startsWith(ANALYTICS + "-counts")).collect(Collectors.toSet());
            assertThat(first).isNotEmpty();
            admin.deleteTopics(first).all().get(30, TimeUnit.SECONDS);
            // Streams' members may linger until their session times out (6 s here) before the group can go.
            Instant deadline = Instant.now().plusSeconds(40);
            while (true) {
                try {
                    admin.deleteConsumerGroups(List.of(ANALYTICS)).all().get(30, TimeUnit.SECONDS);
                    break;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupNotEmptyException)
                            || Instant.now().isAfter(deadline)) {
                        throw e;
                    }
                    Thread.sleep(500);
                }
            }
            assertThat(admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS))
                    .noneMatch(group -> group.groupId().equals(ANALYTICS));
        }
    }

    @Test
    void analyticsCannotWriteAnotherServicesTopicNorCreateTopicsOutsideItsPrefix() throws Exception {
        try (var producer = producer(ANALYTICS, Optional.empty())) {
            assertThat(producer.send(new ProducerRecord<>(FigureType.MENTIONS_HOURLY.topic(), "k", "{}"))
                    .get(10, TimeUnit.SECONDS).offset()).isGreaterThanOrEqualTo(0);
        }
        try (var producer = producer(ANALYTICS, Optional.empty())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.CLEARANCE_DECISIONS, "post-1",
                    "{\"forged\":true}")).get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        try (Admin admin = Admin.create(login(ANALYTICS))) {
            for (String name : List.of("clearpost.analytics.made-up", "drafting-service-store-changelog",
                    "analytics.not-its-prefix")) {
                assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic(name, Optional.empty(),
                        Optional.empty()))).all().get(30, TimeUnit.SECONDS)).as(name)
                        .isInstanceOf(ExecutionException.class).cause()
                        .isInstanceOf(TopicAuthorizationException.class);
            }
            assertThatThrownBy(() -> admin.deleteTopics(List.of(Topics.DRAFTING_POSTS)).all()
                    .get(30, TimeUnit.SECONDS)).cause().isInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> admin.deleteTopics(List.of(FigureType.POST_ACTIVITY.topic())).all()
                    .get(30, TimeUnit.SECONDS)).as("its figures are the contract, not its state").cause()
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void analyticsCannotUseAnotherServicesTransactionsOrGroup() {
        try (var producer = producer(ANALYTICS, Optional.of("monitoring-service-intake-x"))) {
            assertThatThrownBy(producer::initTransactions).satisfies(e -> assertThat(causes(e))
                    .anyMatch(TransactionalIdAuthorizationException.class::isInstance));
        }
        Map<String, Object> config = new HashMap<>(login(ANALYTICS));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "drafting-service");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DRAFTING_POSTS));
            assertThatThrownBy(() -> {
                Instant deadline = Instant.now().plusSeconds(20);
                while (Instant.now().isBefore(deadline)) {
                    consumer.poll(Duration.ofMillis(300));
                }
            }).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    /** Figures keep only each key's latest row: the launcher creates their topics compacted, as Topics says. */
    @Test
    void everyFigureTopicIsCreatedCompacted() throws Exception {
        try (Admin admin = Admin.create(broker.superUserClientConfig())) {
            List<ConfigResource> resources = java.util.Arrays.stream(FigureType.values())
                    .map(type -> new ConfigResource(ConfigResource.Type.TOPIC, type.topic())).toList();
            var configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            for (ConfigResource resource : resources) {
                assertThat(configs.get(resource).get("cleanup.policy").value()).as(resource.name())
                        .isEqualTo("compact");
            }
        }
    }

    /**
     * Runs the counting topology under {@code applicationId} until the figure topic's latest values (read committed,
     * as the analyst) satisfy {@code done}; fails if Streams dies (an authorisation error is fatal to it).
     */
    private static Map<String, String> runUntil(String applicationId, String figureTopic,
            java.util.function.Predicate<Map<String, String>> done) throws InterruptedException {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.DRAFTING_POSTS, Consumed.with(Serdes.String(), Serdes.String()))
                .map((post, account) -> KeyValue.pair(account, post))
                .groupByKey(Grouped.with("by-account", Serdes.String(), Serdes.String()))
                .count(Materialized.as("counts"))
                .toStream().mapValues(String::valueOf)
                .to(figureTopic, Produced.with(Serdes.String(), Serdes.String()));
        Properties properties = new Properties();
        properties.putAll(login(ANALYTICS));
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, dataDir.resolve("streams-" + applicationId).toString());
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<String, String> latest = new HashMap<>();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), properties)) {
            streams.setUncaughtExceptionHandler(e -> {
                failures.add(e);
                return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                        .SHUTDOWN_CLIENT;
            });
            streams.start();
            Map<String, Object> config = new HashMap<>(login(KafkaAccess.ANALYST));
            config.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaAccess.ANALYST_GROUP_PREFIX + UUID.randomUUID());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(figureTopic));
                Instant deadline = Instant.now().plusSeconds(90);
                while (!done.test(latest) && failures.isEmpty() && Instant.now().isBefore(deadline)) {
                    consumer.poll(Duration.ofMillis(300)).forEach(record -> latest.put(record.key(), record.value()));
                }
            }
            // Leave the group on close (Streams does not by default), so a replay may delete it at once.
            streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
        }
        assertThat(failures).as(applicationId + " Kafka Streams failures").isEmpty();
        return latest;
    }

    private static KafkaProducer<String, String> producer(String principal, Optional<String> transactionalId) {
        Map<String, Object> config = producerConfig(login(principal));
        transactionalId.ifPresent(id -> config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id));
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

}
