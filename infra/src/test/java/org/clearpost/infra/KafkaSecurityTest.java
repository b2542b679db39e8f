package org.clearpost.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clearpost.events.KafkaAccess;
import org.clearpost.events.Topics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The broker as provisioned from the contract's {@link KafkaAccess} table: who gets in, who may write what. */
class KafkaSecurityTest extends ProvisionedKafkaTest {

    @Test
    void aClientWithoutCredentialsIsRefused() {
        Map<String, Object> anonymous = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        try (Admin admin = Admin.create(anonymous)) {
            // The SASL listener drops a plaintext client's connection: it never gets an answer, not even the topic list.
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> config = new HashMap<>(broker.clientConfig("drafting-service", "not-the-password"));
        try (var producer = new KafkaProducer<>(producerConfig(config), new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.DRAFTING_POSTS, "k", "v")).get(10, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(causes(e)).anyMatch(SaslAuthenticationException.class::isInstance));
        }
    }

    @Test
    void draftingWritesItsOwnTopicButCannotForgeAClearanceDecision() throws Exception {
        try (var producer = producer("drafting-service")) {
            assertThat(producer.send(new ProducerRecord<>(Topics.DRAFTING_POSTS, "post-1", "{}")).get(10, TimeUnit.SECONDS).offset())
                    .isGreaterThanOrEqualTo(0);
        }
        // A fresh producer: a refused topic leaves the one above unusable for the rest of its batch.
        try (var producer = producer("drafting-service")) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.CLEARANCE_DECISIONS, "post-1", "{\"forged\":true}"))
                    .get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void clearanceWritesDecisionsAndItsDeadLetterTopic() throws Exception {
        try (var producer = producer("clearance-service")) {
            producer.send(new ProducerRecord<>(Topics.CLEARANCE_DECISIONS, "post-2", "{}")).get(10, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.deadLetter("clearance-service"), "post-2", "{}")).get(10, TimeUnit.SECONDS);
        }
        try (var producer = producer("clearance-service")) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.deadLetter("publisher-service"), "k", "v"))
                    .get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceReadsWhatItConsumesInItsOwnGroupOnly() throws Exception {
        try (var producer = producer("clearance-service")) {
            producer.send(new ProducerRecord<>(Topics.CLEARANCE_PUBLISHING_CONTROL, "publishing", "{\"stop\":1}")).get(10, TimeUnit.SECONDS);
        }
        assertThat(read("publisher-service", "publisher-service", Topics.CLEARANCE_PUBLISHING_CONTROL)).contains("{\"stop\":1}");

        // Publisher does not consume mentions; nor may it join another service's group.
        assertThatThrownBy(() -> read("publisher-service", "publisher-service", Topics.MONITORING_MENTIONS))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read("publisher-service", "drafting-service", Topics.CLEARANCE_PUBLISHING_CONTROL))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void theAnalystReadsEveryTopicButWritesNone() throws Exception {
        try (var producer = producer("monitoring-service")) {
            producer.send(new ProducerRecord<>(Topics.MONITORING_MENTIONS, "mention-1", "{\"mention\":1}")).get(10, TimeUnit.SECONDS);
        }
        assertThat(read(KafkaAccess.ANALYST, KafkaAccess.ANALYST_GROUP_PREFIX + "notebook", Topics.MONITORING_MENTIONS))
                .contains("{\"mention\":1}");
        assertThatThrownBy(() -> read(KafkaAccess.ANALYST, "analytics-service", Topics.MONITORING_MENTIONS))
                .isInstanceOf(GroupAuthorizationException.class);

        try (var producer = producer(KafkaAccess.ANALYST)) {
            // Refused before the topic is even looked at: a producer with WRITE on no topic may not be idempotent.
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.MONITORING_MENTIONS, "k", "forged")).get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(AuthorizationException.class);
        }
    }

    @Test
    void theBrokerHoldsExactlyTheTableAndProvisioningAgainChangesNothing() {
        KafkaSecurity.provision(broker, passwords);

        assertThat(new HashSet<>(broker.acls())).isEqualTo(new HashSet<>(KafkaSecurity.aclBindings()));
    }

    @Test
    void everyTopicHasExactlyOneWriterAndTheTableCoversEveryTopic() {
        assertThat(KafkaAccess.topics()).containsAll(Topics.ALL);
        for (String topic : KafkaAccess.topics()) {
            assertThat(KafkaAccess.writersOf(topic)).as(topic).hasSize(1);
        }
    }

    /** Monitoring's intakes and pipeline run Kafka transactions, under transactional ids of its own prefix only. */
    @Test
    void monitoringRunsTransactionsUnderItsOwnTransactionalIdsOnly() throws Exception {
        Map<String, Object> config = producerConfig(login("monitoring-service"));
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "monitoring-service-intake-test");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(Topics.MONITORING_RAW_MENTIONS, "item-1", "{}"));
            producer.send(new ProducerRecord<>(Topics.MONITORING_INTAKE_CURSORS, "test", "cursor-1"));
            producer.commitTransaction();
        }
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "drafting-service-forged");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(producer::initTransactions).satisfies(e -> assertThat(causes(e))
                    .anyMatch(org.apache.kafka.common.errors.TransactionalIdAuthorizationException.class::isInstance));
        }
    }

    @Test
    void theRawMentionsTopicHasSixPartitionsAndTheCursorsAreCompacted() throws Exception {
        Map<String, Object> admin = new HashMap<>(broker.superUserClientConfig());
        try (Admin client = Admin.create(admin)) {
            var raw = client.describeTopics(List.of(Topics.MONITORING_RAW_MENTIONS)).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(raw.get(Topics.MONITORING_RAW_MENTIONS).partitions()).hasSize(6);
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.MONITORING_INTAKE_CURSORS);
            var configs = client.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS);
            assertThat(configs.get(resource).get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    private static KafkaProducer<String, String> producer(String principal) {
        return new KafkaProducer<>(producerConfig(login(principal)),
                new StringSerializer(), new StringSerializer());
    }

    /** The values {@code principal} reads from the beginning of {@code topic} in {@code group}; authorisation errors are thrown. */
    private static List<String> read(String principal, String group, String topic) {
        Map<String, Object> config = new HashMap<>(login(principal));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(20);
            while (values.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }

}
