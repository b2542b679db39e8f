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
     */
    public record ServiceAccess(String principal, Set<String> writes, Set<String> reads, boolean transactions) {

        public ServiceAccess {
            writes = Set.copyOf(writes);
            reads = Set.copyOf(reads);
        }

        public ServiceAccess(String principal, Set<String> writes, Set<String> reads) {
            this(principal, writes, reads, false);
        }

        private static ServiceAccess of(String service, List<String> ownTopics, List<String> consumed) {
            return of(service, ownTopics, consumed, false);
        }

        private static ServiceAccess of(String service, List<String> ownTopics, List<String> consumed,
                boolean transactions) {
            Set<String> writes = new TreeSet<>(ownTopics);
            if (!consumed.isEmpty()) {
                writes.add(Topics.deadLetter(service));
            }
            return new ServiceAccess(service, writes, new TreeSet<>(consumed), transactions);
        }

        /**
         * The prefix every transactional id of the service must start with (its principal), if it uses transactions:
         * a service can then fence only its own producers, never another service's.
         */
        public Optional<String> transactionalIdPrefix() {
            return transactions ? Optional.of(principal) : Optional.empty();
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
    /** Analytics reads every event topic and writes its figures, one compacted topic each ({@code FigureType}). */
    public static final ServiceAccess ANALYTICS = ServiceAccess.of("analytics-service",
            Arrays.stream(FigureType.values()).map(FigureType::topic).toList(),
            Topics.ALL);

    public static final List<ServiceAccess> SERVICES = List.of(DRAFTING, CLEARANCE, PUBLISHER, MONITORING, ANALYTICS);

    private KafkaAccess() {
    }

    /** What a grant applies to; the names are Kafka's ({@code ResourceType}, {@code PatternType}, {@code AclOperation}). */
    public enum Resource { TOPIC, GROUP, TRANSACTIONAL_ID }

    public enum Pattern { LITERAL, PREFIXED }

    public enum Operation { READ, WRITE, DESCRIBE }

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
