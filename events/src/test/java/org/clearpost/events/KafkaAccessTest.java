package org.clearpost.events;

import org.clearpost.events.KafkaAccess.ServiceAccess;
import org.clearpost.events.figures.FigureType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The access table agrees with the topic list, with docs/events.md and with what each service really consumes. */
class KafkaAccessTest {

    private static final Path REPOSITORY = Path.of("..");
    private static final Set<String> FIGURE_TOPICS = Arrays.stream(FigureType.values()).map(FigureType::topic)
            .collect(Collectors.toCollection(TreeSet::new));

    @Test
    void everyTopicHasExactlyOneWriterAndOnlyItsOwnServiceWritesADeadLetterTopic() {
        assertThat(KafkaAccess.topics()).containsAll(Topics.ALL);
        for (String topic : KafkaAccess.topics()) {
            assertThat(KafkaAccess.writersOf(topic)).as(topic).hasSize(1);
        }
        for (ServiceAccess service : KafkaAccess.SERVICES) {
            assertThat(service.writes()).as(service.principal())
                    .allMatch(topic -> Topics.ALL.contains(topic) || Topics.INTERNAL.contains(topic)
                            || topic.equals(Topics.deadLetter(service.principal()))
                            || service == KafkaAccess.ANALYTICS && FIGURE_TOPICS.contains(topic));
            assertThat(service.writes()).allMatch(topic -> topic.startsWith(KafkaAccess.TOPIC_PREFIX));
        }
    }

    /** Analytics reads every event topic and writes only its figures (and its dead letters); the analyst writes nothing. */
    @Test
    void analyticsReadsEveryTopicAndWritesOnlyItsFiguresAndTheAnalystWritesNone() {
        assertThat(KafkaAccess.ANALYTICS.reads()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        Set<String> figuresAndDeadLetters = new TreeSet<>(FIGURE_TOPICS);
        figuresAndDeadLetters.add(Topics.deadLetter("analytics-service"));
        assertThat(KafkaAccess.ANALYTICS.writes()).containsExactlyInAnyOrderElementsOf(figuresAndDeadLetters);
        assertThat(KafkaAccess.topics()).containsAll(FIGURE_TOPICS);
        assertThat(FIGURE_TOPICS).allMatch(Topics::compacted).doesNotContainAnyElementsOf(Topics.ALL);
        assertThat(KafkaAccess.grants(KafkaAccess.ANALYST))
                .allMatch(grant -> grant.operation() != KafkaAccess.Operation.WRITE)
                .anyMatch(grant -> grant.resource() == KafkaAccess.Resource.TOPIC && grant.name().equals(KafkaAccess.TOPIC_PREFIX)
                        && grant.pattern() == KafkaAccess.Pattern.PREFIXED && grant.operation() == KafkaAccess.Operation.READ);
        assertThat(KafkaAccess.grants(KafkaAccess.ADMIN)).isEmpty();
    }

    /** docs/events.md's topic table names each topic's producer and consumers; the access table must say the same. */
    @Test
    void theDocumentedProducersAndConsumersAreTheGrantedOnes() throws IOException {
        Pattern row = Pattern.compile("^\\| `(clearpost\\.[a-z.-]+)` \\|[^|]*\\| ([^|]*) \\| ([^|]*) \\|");
        Pattern service = Pattern.compile("[a-z]+-service");
        Map<String, String> documentedProducer = new HashMap<>();
        Map<String, Set<String>> documentedConsumers = new HashMap<>();
        for (String line : Files.readAllLines(REPOSITORY.resolve("docs/events.md"))) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                documentedProducer.put(m.group(1), m.group(2).trim());
                Matcher consumers = service.matcher(m.group(3));
                Set<String> names = new TreeSet<>();
                while (consumers.find()) {
                    names.add(consumers.group());
                }
                documentedConsumers.put(m.group(1), names);
            }
        }
        List<String> documented = new java.util.ArrayList<>(Topics.ALL);
        documented.addAll(Topics.INTERNAL);
        assertThat(documentedProducer.keySet()).containsExactlyInAnyOrderElementsOf(documented);
        for (String topic : documented) {
            assertThat(KafkaAccess.writersOf(topic)).as("writer of " + topic).containsExactly(documentedProducer.get(topic));
            Set<String> readers = KafkaAccess.SERVICES.stream().filter(s -> s.reads().contains(topic))
                    .map(ServiceAccess::principal).collect(Collectors.toCollection(TreeSet::new));
            assertThat(readers).as("readers of " + topic).isEqualTo(documentedConsumers.get(topic));
        }
    }

    /** A service whose channels subscribe to a topic it may not read would fail at run time, not at build time. */
    @Test
    void eachServiceIsGrantedWhatItsChannelsConsumeAndItsDeadLetterTopic() throws IOException {
        for (ServiceAccess access : KafkaAccess.SERVICES) {
            Properties properties = applicationProperties(access.principal());
            assertThat(properties.getProperty("quarkus.application.name")).isEqualTo(access.principal());
            List<String> consumed = properties.stringPropertyNames().stream()
                    .filter(key -> key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topics?"))
                    .flatMap(key -> Arrays.stream(properties.getProperty(key).split(",")).map(String::trim))
                    .toList();
            assertThat(access.reads()).as(access.principal() + " reads").containsAll(consumed);
            String group = properties.getProperty("mp.messaging.connector.smallrye-kafka.group.id");
            if (group == null && access.streams()) {
                // A Kafka Streams service: its group is its application id (Quarkus: the application name unless set).
                String applicationId = properties.getProperty("quarkus.kafka-streams.application-id",
                        access.principal());
                if (applicationId.equals("${clearpost.analytics.application-id}")) {
                    // analytics' ApplicationIdInterceptor: the application name, and "-g<N>" from generation 2 on
                    int generation = Integer.parseInt(properties.getProperty("clearpost.analytics.generation", "1"));
                    applicationId = properties.getProperty("quarkus.application.name")
                            + (generation > 1 ? "-g" + generation : "");
                }
                assertThat(applicationId).as(access.principal() + " Kafka Streams application id")
                        .startsWith(access.streamsPrefix().orElseThrow());
                String streamsTopics = properties.getProperty("quarkus.kafka-streams.topics", "");
                assertThat(access.reads()).as(access.principal() + " reads (Kafka Streams)").containsAll(
                        Arrays.stream(streamsTopics.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList());
            } else {
                assertThat(group == null ? java.util.Optional.<String>empty() : java.util.Optional.of(group))
                        .as(access.principal() + " consumer group").isEqualTo(access.consumerGroup());
            }
            String deadLetter = properties.getProperty("mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic");
            if (deadLetter != null) {
                assertThat(access.writes()).as(access.principal() + " writes its dead letters").contains(deadLetter);
            }
        }
    }

    /** Internal topics are monitoring's own: no other service reads them and they are no events (not in ALL). */
    @Test
    void internalTopicsAreReadAndWrittenOnlyByTheirOwnerWhichAloneMayUseTransactions() {
        assertThat(Topics.INTERNAL).doesNotContainAnyElementsOf(Topics.ALL);
        for (String topic : Topics.INTERNAL) {
            assertThat(KafkaAccess.writersOf(topic)).containsExactly(KafkaAccess.MONITORING.principal());
            assertThat(KafkaAccess.SERVICES.stream().filter(s -> s.reads().contains(topic)).map(ServiceAccess::principal))
                    .containsExactly(KafkaAccess.MONITORING.principal());
        }
        assertThat(KafkaAccess.grants()).filteredOn(grant -> grant.resource() == KafkaAccess.Resource.TRANSACTIONAL_ID)
                .containsExactlyInAnyOrder(new KafkaAccess.Grant("monitoring-service", KafkaAccess.Resource.TRANSACTIONAL_ID,
                        "monitoring-service", KafkaAccess.Pattern.PREFIXED, KafkaAccess.Operation.WRITE),
                        new KafkaAccess.Grant("analytics-service", KafkaAccess.Resource.TRANSACTIONAL_ID,
                        "analytics-service", KafkaAccess.Pattern.PREFIXED, KafkaAccess.Operation.WRITE));
        assertThat(Topics.partitions(Topics.MONITORING_RAW_MENTIONS)).contains(6);
        assertThat(Topics.compacted(Topics.MONITORING_INTAKE_CURSORS)).isTrue();
        assertThat(Topics.compacted(Topics.MONITORING_RAW_MENTIONS)).isFalse();
    }

    /**
     * Analytics runs Kafka Streams: it owns the topics and groups of its application-id prefix (internal topics,
     * every generation's group) and its transactional ids, and no prefix grant reaches a Clearpost topic or another
     * service's group or transactions. Nobody else may create or delete a topic.
     */
    @Test
    void onlyAKafkaStreamsServiceOwnsTopicsAndGroupsByItsPrefixAndThePrefixReachesNothingElse() {
        assertThat(KafkaAccess.SERVICES).filteredOn(ServiceAccess::streams).containsExactly(KafkaAccess.ANALYTICS);
        assertThat(KafkaAccess.ANALYTICS.streamsPrefix()).contains("analytics-service");
        assertThat(KafkaAccess.ANALYTICS.transactionalIdPrefix()).contains("analytics-service");
        Set<KafkaAccess.Grant> prefixed = KafkaAccess.grants("analytics-service").stream()
                .filter(grant -> grant.pattern() == KafkaAccess.Pattern.PREFIXED).collect(Collectors.toSet());
        Set<KafkaAccess.Grant> expected = new java.util.HashSet<>();
        for (KafkaAccess.Operation operation : List.of(KafkaAccess.Operation.CREATE, KafkaAccess.Operation.READ,
                KafkaAccess.Operation.WRITE, KafkaAccess.Operation.DELETE, KafkaAccess.Operation.DESCRIBE,
                KafkaAccess.Operation.DESCRIBE_CONFIGS)) {
            expected.add(new KafkaAccess.Grant("analytics-service", KafkaAccess.Resource.TOPIC, "analytics-service",
                    KafkaAccess.Pattern.PREFIXED, operation));
        }
        expected.add(new KafkaAccess.Grant("analytics-service", KafkaAccess.Resource.GROUP, "analytics-service",
                KafkaAccess.Pattern.PREFIXED, KafkaAccess.Operation.READ));
        expected.add(new KafkaAccess.Grant("analytics-service", KafkaAccess.Resource.GROUP, "analytics-service",
                KafkaAccess.Pattern.PREFIXED, KafkaAccess.Operation.DELETE));
        expected.add(new KafkaAccess.Grant("analytics-service", KafkaAccess.Resource.TRANSACTIONAL_ID,
                "analytics-service", KafkaAccess.Pattern.PREFIXED, KafkaAccess.Operation.WRITE));
        assertThat(prefixed).isEqualTo(expected);

        assertThat(KafkaAccess.topics()).noneMatch(topic -> topic.startsWith("analytics-service"));
        assertThat(KafkaAccess.principals()).filteredOn(p -> p.startsWith("analytics-service"))
                .containsExactly("analytics-service");
        assertThat(KafkaAccess.grants()).filteredOn(grant -> grant.operation() == KafkaAccess.Operation.CREATE
                || grant.operation() == KafkaAccess.Operation.DELETE
                || grant.operation() == KafkaAccess.Operation.DESCRIBE_CONFIGS)
                .allMatch(grant -> grant.principal().equals("analytics-service")
                        && grant.name().equals("analytics-service") && grant.pattern() == KafkaAccess.Pattern.PREFIXED);
    }

    private static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(REPOSITORY.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }
}
