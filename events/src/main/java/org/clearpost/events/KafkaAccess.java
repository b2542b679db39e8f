package org.clearpost.events;

import java.util.Arrays;
import org.clearpost.events.figures.FigureType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Who may write and read which topic: the one table the broker set-up (launcher, tests) and the Kubernetes
 * {@code KafkaUser}s are derived from, and which docs/events.md describes. A producer that is not in this table for a
 * topic is refused by the broker, so a compromised or buggy drafting-service cannot forge a {@code PostCleared}.
 *
 * <p>Each service authenticates as its own principal, named like the service ({@code quarkus.application.name}), and
 * consumes in the consumer group of that name. Plain data: the Kafka ACLs are built from it where a Kafka client is at
 * hand ({@link #grants()}).
 */
public final class KafkaAccess {

    /** Every Clearpost topic starts with this; the analyst's grants are by this prefix. */
    public static final String TOPIC_PREFIX = "clearpost.";
    /** The broker's own principal and the only super user: inter-broker, controller, provisioning, test helpers. */
    public static final String ADMIN = "admin";
    /** Read-only principal for people and tools looking at the events (console consumer, notebooks). */
    public static final String ANALYST = "analyst";
    /** The analyst's consumer groups must start with this, so they cannot join (and disturb) a service's group. */
    public static final String ANALYST_GROUP_PREFIX = "analyst-";

    /**
     * One service's grants.
     *
     * @param principal the SCRAM user name, which is also the service name and its consumer group
     * @param writes    the topics it produces (its own topics and, if it consumes anything, its dead-letter topic)
     * @param reads     the topics it consumes
     * @param transactions whether it may use Kafka transactions, with transactional ids starting with its principal
     *                  name (see {@link #transactionalIdPrefix()})
     * @param streams   whether it runs Kafka Streams, under application ids starting with its principal name (the
     *                  first {@code analytics-service}, a replay's {@code analytics-service-g2}...): it then owns the
     *                  internal topics and consumer groups of that prefix (see {@link #streamsPrefix()}); Streams'
     *                  exactly-once needs transactions, so this implies {@code transactions}
     */
    public record ServiceAccess(String principal, Set<String> writes, Set<String> reads, boolean transactions,
            boolean streams) {

        public ServiceAccess {
            writes = Set.copyOf(writes);
            reads = Set.copyOf(reads);
            transactions = transactions || streams;
        }

        public ServiceAccess(String principal, Set<String> writes, Set<String> reads, boolean transactions) {
            this(principal, writes, reads, transactions, false);
        }

        public ServiceAccess(String principal, Set<String> writes, Set<String> reads) {
            this(principal, writes, reads, false);
        }

        private static ServiceAccess of(String service, List<String> ownTopics, List<String> consumed) {
            return of(service, ownTopics, consumed, false);
        }

        private static ServiceAccess of(String service, List<String> ownTopics, List<String> consumed,
                boolean transactions) {
            return of(service, ownTopics, consumed, transactions, false);
        }

        private static ServiceAccess of(String service, List<String> ownTopics, List<String> consumed,
                boolean transactions, boolean streams) {
            Set<String> writes = new TreeSet<>(ownTopics);
            if (!consumed.isEmpty()) {
                writes.add(Topics.deadLetter(service));
            }
            return new ServiceAccess(service, writes, new TreeSet<>(consumed), transactions, streams);
        }

        /**
         * The prefix every transactional id of the service must start with (its principal), if it uses transactions:
         * a service can then fence only its own producers, never another service's.
         */
        public Optional<String> transactionalIdPrefix() {
            return transactions ? Optional.of(principal) : Optional.empty();
        }

        /**
         * The prefix of the service's Kafka Streams application ids, if it runs Kafka Streams (its principal). Streams
         * names its internal topics ({@code <application.id>-<store>-changelog}, {@code -repartition}), its consumer
         * group and its transactional ids ({@code <application.id>-<process>-<thread>}) after the application id, so
         * one prefix covers every generation of the application. No Clearpost topic starts with it ({@link
         * #TOPIC_PREFIX} does), so it can never reach another service's topic.
         */
        public Optional<String> streamsPrefix() {
            return streams ? Optional.of(principal) : Optional.empty();
        }

        /** The consumer group the service reads in (READ on it is granted when it consumes anything). */
        public Optional<String> consumerGroup() {
            return reads.isEmpty() ? Optional.empty() : Optional.of(principal);
        }
    }

    public static final ServiceAccess DRAFTING = ServiceAccess.of("drafting-service",
            List.of(Topics.DRAFTING_POSTS, Topics.DRAFTING_CAMPAIGNS),
            List.of(Topics.CLEARANCE_DECISIONS, Topics.PUBLISHER_PUBLICATIONS, Topics.MONITORING_MENTIONS));
    public static final ServiceAccess CLEARANCE = ServiceAccess.of("clearance-service",
            List.of(Topics.CLEARANCE_DECISIONS, Topics.CLEARANCE_PUBLISHING_CONTROL, Topics.CLEARANCE_PRE_ELECTION_PERIODS),
            List.of(Topics.DRAFTING_POSTS, Topics.PUBLISHER_PUBLICATIONS));
    public static final ServiceAccess PUBLISHER = ServiceAccess.of("publisher-service",
            List.of(Topics.PUBLISHER_PUBLICATIONS, Topics.PUBLISHER_METRICS, Topics.PUBLISHER_ALERTS),
            List.of(Topics.CLEARANCE_DECISIONS, Topics.CLEARANCE_PUBLISHING_CONTROL, Topics.DRAFTING_POSTS));
    /**
     * Monitoring also keeps two internal topics (raw mentions and intake cursors) that it writes and reads itself:
     * intakes write raw items with their cursor in one Kafka transaction, and its pipeline announces each stored mention
     * in a transaction with the raw offsets it consumed, so it needs transactional ids too. It follows the replies its
     * inbox asked for through drafting (PostDrafted), clearance (rejections) and the publisher (PostPublished).
     */
    public static final ServiceAccess MONITORING = ServiceAccess.of("monitoring-service",
            List.of(Topics.MONITORING_MENTIONS, Topics.MONITORING_TRACKED_QUERIES, Topics.MONITORING_SPIKES,
                    Topics.MONITORING_INBOX_SETTINGS, Topics.MONITORING_RAW_MENTIONS, Topics.MONITORING_INTAKE_CURSORS),
            List.of(Topics.MONITORING_RAW_MENTIONS, Topics.MONITORING_INTAKE_CURSORS, Topics.DRAFTING_POSTS,
                    Topics.CLEARANCE_DECISIONS, Topics.PUBLISHER_PUBLICATIONS),
            true);
    /**
     * Analytics reads every event topic and writes its figures, one compacted topic each ({@code FigureType}), from a
     * Kafka Streams application (exactly_once_v2) whose internal topics, groups and transactional ids are its own.
     */
    public static final ServiceAccess ANALYTICS = ServiceAccess.of("analytics-service",
            Arrays.stream(FigureType.values()).map(FigureType::topic).toList(),
            Topics.ALL, true, true);

    public static final List<ServiceAccess> SERVICES = List.of(DRAFTING, CLEARANCE, PUBLISHER, MONITORING, ANALYTICS);

    private KafkaAccess() {
    }

    /** What a grant applies to; the names are Kafka's ({@code ResourceType}, {@code PatternType}, {@code AclOperation}). */
    public enum Resource { TOPIC, GROUP, TRANSACTIONAL_ID }

    public enum Pattern { LITERAL, PREFIXED }

    public enum Operation { READ, WRITE, DESCRIBE, CREATE, DELETE, DESCRIBE_CONFIGS }

    /**
     * What a Kafka Streams application needs on the topics of its prefix, its internal topics: to CREATE them at
     * start (changelogs and repartition topics), READ and WRITE them, DELETE (the records of a repartition topic
     * once consumed, which Streams purges, and the topics of an earlier generation after a replay), DESCRIBE them
     * and DESCRIBE_CONFIGS (at every start Streams checks an existing internal topic's partitions and cleanup
     * policy against what the topology needs).
     */
    public static final List<Operation> STREAMS_TOPIC_OPERATIONS = List.of(Operation.CREATE, Operation.READ,
            Operation.WRITE, Operation.DELETE, Operation.DESCRIBE, Operation.DESCRIBE_CONFIGS);
    /**
     * What it needs on the consumer groups of its prefix: READ to join and commit offsets (in its transactions), and
     * DELETE to remove an earlier generation's group after a replay.
     */
    public static final List<Operation> STREAMS_GROUP_OPERATIONS = List.of(Operation.READ, Operation.DELETE);

    /**
     * One allowed operation, the form both the broker's ACLs and the Kubernetes {@code KafkaUser}s are compared in.
     * WRITE on a topic also lets a producer be idempotent (Kafka 3.0+, KIP-679); READ and WRITE imply DESCRIBE.
     * WRITE on a transactional id (by the service's prefix) lets it run Kafka transactions under ids it owns.
     */
    public record Grant(String principal, Resource resource, String name, Pattern pattern, Operation operation) {
    }

    /** Every grant of the table: the services' and the analyst's. The admin is a super user and needs none. */
    public static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (ServiceAccess service : SERVICES) {
            String who = service.principal();
            service.writes().forEach(topic -> grants.add(new Grant(who, Resource.TOPIC, topic, Pattern.LITERAL, Operation.WRITE)));
            service.reads().forEach(topic -> grants.add(new Grant(who, Resource.TOPIC, topic, Pattern.LITERAL, Operation.READ)));
            service.consumerGroup().ifPresent(group -> grants.add(new Grant(who, Resource.GROUP, group, Pattern.LITERAL, Operation.READ)));
            service.transactionalIdPrefix().ifPresent(prefix -> grants.add(
                    new Grant(who, Resource.TRANSACTIONAL_ID, prefix, Pattern.PREFIXED, Operation.WRITE)));
            service.streamsPrefix().ifPresent(prefix -> {
                STREAMS_TOPIC_OPERATIONS.forEach(operation -> grants.add(
                        new Grant(who, Resource.TOPIC, prefix, Pattern.PREFIXED, operation)));
                STREAMS_GROUP_OPERATIONS.forEach(operation -> grants.add(
                        new Grant(who, Resource.GROUP, prefix, Pattern.PREFIXED, operation)));
            });
        }
        grants.add(new Grant(ANALYST, Resource.TOPIC, TOPIC_PREFIX, Pattern.PREFIXED, Operation.READ));
        grants.add(new Grant(ANALYST, Resource.TOPIC, TOPIC_PREFIX, Pattern.PREFIXED, Operation.DESCRIBE));
        grants.add(new Grant(ANALYST, Resource.GROUP, ANALYST_GROUP_PREFIX, Pattern.PREFIXED, Operation.READ));
        return grants;
    }

    /** The grants of one principal. */
    public static List<Grant> grants(String principal) {
        return grants().stream().filter(grant -> grant.principal().equals(principal)).toList();
    }

    /** The grants of the service named {@code service} (e.g. {@code drafting-service}), if it is one. */
    public static Optional<ServiceAccess> service(String service) {
        return SERVICES.stream().filter(access -> access.principal().equals(service)).findFirst();
    }

    /** Every principal that needs a SCRAM credential: the services, the analyst and the admin. */
    public static List<String> principals() {
        return Stream.concat(SERVICES.stream().map(ServiceAccess::principal), Stream.of(ANALYST, ADMIN)).toList();
    }

    /** Every topic somebody writes: the event topics, the internal topics and the dead-letter topics, sorted. */
    public static Set<String> topics() {
        Set<String> topics = new TreeSet<>(Topics.ALL);
        topics.addAll(Topics.INTERNAL);
        SERVICES.forEach(access -> topics.addAll(access.writes()));
        return topics;
    }

    /** The services allowed to write {@code topic}: exactly one for every topic in {@link #topics()}. */
    public static List<String> writersOf(String topic) {
        return SERVICES.stream().filter(access -> access.writes().contains(topic)).map(ServiceAccess::principal).toList();
    }
}
