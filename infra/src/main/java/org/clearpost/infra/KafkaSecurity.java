package org.clearpost.infra;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.clearpost.events.KafkaAccess;
import org.clearpost.events.KafkaAccess.Grant;
import org.clearpost.events.Topics;

import java.util.List;
import java.util.Map;

/**
 * Turns the contract's {@link KafkaAccess} grants into Kafka ACLs and sets a broker up with them: the same grants the
 * Kubernetes {@code KafkaUser}s declare. Producers need WRITE only: since Kafka 3.0 WRITE on any topic implies the
 * IDEMPOTENT_WRITE an idempotent producer (the outbox relay) asks for (KIP-679). READ and WRITE imply DESCRIBE.
 * A service allowed Kafka transactions (monitoring) gets WRITE on {@code TRANSACTIONAL_ID}s by its own prefix: enough to
 * initialise, fence, add partitions to, commit and abort its transactions; offsets sent in a transaction also need READ
 * on its consumer group, which it has as a consumer. A Kafka Streams service (analytics) also owns the topics and
 * groups of its application-id prefix ({@link KafkaAccess#STREAMS_TOPIC_OPERATIONS}): Streams creates its changelog
 * and repartition topics itself, so they cannot be provisioned here, and a replay starts a new generation of them.
 * No cluster-level grant is needed: exactly_once_v2 runs on the prefixed transactional ids, and WRITE on a topic
 * covers idempotence. The figure topics are created compacted, as {@code Topics.compacted} says.
 */
public final class KafkaSecurity {

    private KafkaSecurity() {
    }

    /** The ACLs of every principal in the table (the super user needs none). */
    public static List<AclBinding> aclBindings() {
        return KafkaAccess.grants().stream().map(KafkaSecurity::aclBinding).toList();
    }

    static AclBinding aclBinding(Grant grant) {
        return new AclBinding(
                new ResourcePattern(ResourceType.valueOf(grant.resource().name()), grant.name(), PatternType.valueOf(grant.pattern().name())),
                new AccessControlEntry("User:" + grant.principal(), "*", AclOperation.valueOf(grant.operation().name()), AclPermissionType.ALLOW));
    }

    /**
     * Sets the broker up for Clearpost, idempotently (run at every start): every topic of the table exists (nobody
     * but the super user may create topics), each principal has its SCRAM credential with the given password and
     * exactly its ACLs.
     *
     * @param passwords a password for every name of {@link KafkaAccess#principals()} except the super user
     */
    public static void provision(KafkaBroker broker, Map<String, String> passwords) {
        List<String> principals = KafkaAccess.principals().stream().filter(p -> !p.equals(KafkaBroker.SUPER_USER)).toList();
        List<String> missing = principals.stream().filter(p -> !passwords.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no Kafka password for " + missing);
        }
        // Most topics take the broker's defaults; the contract's Topics names the few that need their own layout
        // (monitoring's raw mentions: more partitions; its intake cursors: compacted).
        List<String> plain = KafkaAccess.topics().stream()
                .filter(topic -> Topics.partitions(topic).isEmpty() && !Topics.compacted(topic)).toList();
        broker.createTopics(plain.toArray(String[]::new));
        KafkaAccess.topics().stream().filter(topic -> !plain.contains(topic)).forEach(topic -> broker.createTopic(topic,
                Topics.partitions(topic), Topics.compacted(topic) ? Map.of("cleanup.policy", "compact") : Map.of()));
        Map<String, String> users = new java.util.HashMap<>(passwords);
        users.remove(KafkaBroker.SUPER_USER);
        broker.upsertScramUsers(users);
        broker.syncAcls(principals, aclBindings());
    }
}
