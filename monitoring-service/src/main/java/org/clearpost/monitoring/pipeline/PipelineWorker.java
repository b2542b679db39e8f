package org.clearpost.monitoring.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.MentionTriaged;
import org.clearpost.events.Network;
import org.clearpost.events.Topics;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.intake.MentionNormaliser;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.RawItemCodec;
import org.clearpost.monitoring.intake.UnparseableItemException;
import org.clearpost.monitoring.query.QueryMatcher;
import org.clearpost.monitoring.triage.Assessment;
import org.clearpost.monitoring.triage.Triage;
import org.clearpost.support.outbox.CloudEventRecords;
import org.clearpost.support.reliability.Backoff;
import org.clearpost.support.reliability.TransientFailures;
import org.jboss.logging.Logger;

/**
 * One member of the pipeline's consumer group: a plain consumer loop on its own thread. Per poll it normalises, cleans,
 * filters, matches and assesses ({@link Triage#assess}) every raw item, stores and triages the batch in one PostgreSQL
 * transaction ({@link MentionStore}), then in one Kafka transaction sends {@code MentionReceived} and
 * {@code MentionTriaged} for every mention the batch's offsets stored, the batch's dead letters, and the consumed
 * offsets ({@code sendOffsetsToTransaction} with the consumer's group metadata, so a member
 * that lost its partitions is fenced). A crash between the two commits replays the batch: storing is a no-op then, and
 * the same mentions (found by their raw offsets) are announced again, in a transaction that this time commits; the
 * aborted one is invisible to read_committed readers, and the event ids are derived from the mention ids, so a
 * read_uncommitted reader's inbox drops the repeat too.
 */
final class PipelineWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(PipelineWorker.class);
    private static final Duration POLL = Duration.ofMillis(500);
    static final String REASON = "dead-letter-reason";

    /** Called after the batch's records are handed to the producer, before its commit; a test may throw to abort. */
    public interface BeforeCommit {
        void check(List<MentionReceived> announced) throws Exception;
    }

    private final String member;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final Map<Network, MentionNormaliser> normalisers;
    private final QueryMatcher matcher;
    private final Triage triage;
    private final OwnAccounts ownAccounts;
    private final MentionStore store;
    private final Backoff backoff;
    private final String source;
    private final String deadLetterTopic;
    private final Clock clock;
    private final BeforeCommit beforeCommit;
    private volatile boolean stopping;
    private volatile KafkaConsumer<String, String> consumer;
    private KafkaProducer<String, String> producer;

    PipelineWorker(String member, String groupId, String principal, Map<String, Object> kafkaConfig,
            PipelineConfig config, Map<Network, MentionNormaliser> normalisers, QueryMatcher matcher, Triage triage,
            OwnAccounts ownAccounts, MentionStore store, String source, String deadLetterTopic, Clock clock,
            BeforeCommit beforeCommit) {
        this.member = member;
        this.normalisers = normalisers;
        this.matcher = matcher;
        this.triage = triage;
        this.ownAccounts = ownAccounts;
        this.store = store;
        this.source = source;
        this.deadLetterTopic = deadLetterTopic;
        this.clock = clock;
        this.beforeCommit = beforeCommit;
        this.backoff = new Backoff(config.retryFirst(), config.retryMax());

        consumerConfig = new HashMap<>(kafkaConfig);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumerConfig.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, member);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, member);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        consumerConfig.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        consumerConfig.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);

        producerConfig = new HashMap<>(kafkaConfig);
        producerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, config.lingerMs());
        producerConfig.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // Snappy (native), not lz4 (pure Java in the lz4 library Kafka uses): see KafkaIntakeSink.
        producerConfig.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "snappy");
        producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, member + "-announce");
        // Stable per member across restarts (the member id is static), and under the service's granted prefix.
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, principal + "-pipeline-" + member);
        producerConfig.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) config.transactionTimeout().toMillis());
    }

    String member() {
        return member;
    }

    void stop() {
        stopping = true;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new StringDeserializer())) {
            consumer = c;
            c.subscribe(List.of(Topics.MONITORING_RAW_MENTIONS));
            while (!stopping) {
                ConsumerRecords<String, String> records = c.poll(POLL);
                if (!records.isEmpty()) {
                    process(c, records);
                }
            }
        } catch (WakeupException | InterruptException e) {
            // stopping
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.errorf(e, "Pipeline member %s stopped on an unexpected failure", member);
            }
        } finally {
            closeProducer();
            LOG.infof("Pipeline member %s stopped", member);
        }
    }

    /** One batch: retried (same records, the consumer rewound) until it is stored and announced, or given up. */
    private void process(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records) {
        Map<TopicPartition, long[]> ranges = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            ranges.merge(new TopicPartition(record.topic(), record.partition()),
                    new long[] { record.offset(), record.offset() },
                    (a, b) -> new long[] { Math.min(a[0], b[0]), Math.max(a[1], b[1]) });
        }
        Prepared prepared = prepare(records);
        int attempt = 0;
        while (!stopping) {
            try {
                MentionStore.Result result = store.store(prepared.candidates, byPartition(ranges), clock.instant());
                announce(c, records, prepared.deadLetters, result.toAnnounce(), result.triaged());
                if (attempt > 0) {
                    // A rebalance during the retries may have reset the positions to the offsets committed before
                    // this batch; reading the batch again now would announce it twice.
                    ranges.forEach((partition, range) -> {
                        if (c.assignment().contains(partition)) {
                            c.seek(partition, range[1] + 1);
                        }
                    });
                }
                LOG.debugf("Pipeline member %s: %d raw items, %d mentions stored, %d announced, %d dead-lettered",
                        member, records.count(), result.stored(), result.toAnnounce().size(),
                        prepared.deadLetters.size());
                return;
            } catch (WakeupException | InterruptException e) {
                throw e;
            } catch (Exception e) {
                attempt++;
                Duration wait = backoff.delay(attempt);
                if (TransientFailures.isTransient(e) || e instanceof MentionStore.StoredConcurrently) {
                    LOG.warnf("Pipeline member %s: batch not done (%s); retrying in %s", member, e.getMessage(), wait);
                } else {
                    LOG.errorf(e, "Pipeline member %s: batch failed; retrying in %s", member, wait);
                }
                waitPolling(c, wait);
                if (!c.assignment().containsAll(ranges.keySet())) {
                    // A rebalance moved some of the batch's partitions: committing their offsets now could announce
                    // them twice. Give the batch up; its new owners, and this member for the partitions it kept
                    // (rewound here), read it again from the committed offsets.
                    ranges.forEach((partition, range) -> {
                        if (c.assignment().contains(partition)) {
                            c.seek(partition, range[0]);
                        }
                    });
                    LOG.infof("Pipeline member %s: its partitions changed during a retry; the batch is read again",
                            member);
                    return;
                }
            }
        }
    }

    private record Prepared(List<Candidate> candidates, List<ProducerRecord<String, String>> deadLetters) {
    }

    private Prepared prepare(ConsumerRecords<String, String> records) {
        List<Candidate> candidates = new ArrayList<>();
        List<ProducerRecord<String, String>> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                RawItem item = RawItemCodec.read(record.value());
                MentionNormaliser normaliser = normalisers.get(item.network());
                if (normaliser == null) {
                    throw new UnparseableItemException("no normaliser for network " + item.network());
                }
                List<NormalisedMention> mentions;
                try {
                    mentions = normaliser.normalise(item);
                } catch (RuntimeException bug) {
                    // The same payload would fail the same way on every retry: park it rather than hold the partition.
                    throw new UnparseableItemException("the " + item.network() + " normaliser failed: " + bug, bug);
                }
                for (NormalisedMention raw : mentions) {
                    candidate(raw, item, record).ifPresent(candidates::add);
                }
            } catch (UnparseableItemException e) {
                LOG.warnf("Raw item %s-%d@%d dead-lettered: %s", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
                deadLetters.add(deadLetter(record, e.getMessage()));
            }
        }
        return new Prepared(candidates, deadLetters);
    }

    private java.util.Optional<Candidate> candidate(NormalisedMention raw, RawItem item,
            ConsumerRecord<String, String> record) throws UnparseableItemException {
        NormalisedMention m = MentionCleaner.clean(raw);
        if (m.externalId() == null || m.externalId().isBlank()) {
            throw new UnparseableItemException("a mention without its network id");
        }
        if (m.mentionedAt() == null || m.deliveredAt() == null) {
            Instant delivered = m.deliveredAt() != null ? m.deliveredAt()
                    : item.deliveredAt() != null ? item.deliveredAt() : clock.instant();
            m = new NormalisedMention(m.network(), m.externalId(), m.aliasIds(), m.account(), m.authorId(),
                    m.authorHandle(), m.authorName(), m.text(), m.url(), m.lang(), m.hashtags(),
                    m.mentionedHandles(), m.mentionedAt() != null ? m.mentionedAt() : delivered, delivered);
        }
        String account = ownAccounts.of(m).orElse(null);
        List<UUID> matched = matcher.matching(m);
        if (account == null && matched.isEmpty()) {
            return java.util.Optional.empty();
        }
        Assessment assessment;
        try {
            assessment = triage.assess(m, account, matched);
        } catch (RuntimeException bug) {
            // As for a normaliser: the same mention would fail the same way on every retry.
            throw new UnparseableItemException("triage failed on mention " + m.externalId() + ": " + bug, bug);
        }
        return java.util.Optional.of(new Candidate(m, account, matched, assessment, record.partition(),
                record.offset()));
    }

    private ProducerRecord<String, String> deadLetter(ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(deadLetterTopic, null, record.key(),
                record.value());
        letter.headers().add(REASON, bytes(reason == null ? "unparseable" : reason));
        letter.headers().add("dead-letter-topic", bytes(record.topic()));
        letter.headers().add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        letter.headers().add("dead-letter-offset", bytes(Long.toString(record.offset())));
        return letter;
    }

    private void announce(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records,
            List<ProducerRecord<String, String>> deadLetters, List<MentionReceived> mentions,
            List<MentionTriaged> triaged) throws Exception {
        KafkaProducer<String, String> p = producer();
        p.beginTransaction();
        try {
            // Both keyed by the mention id, so on one partition, MentionReceived first.
            for (MentionReceived mention : mentions) {
                p.send(CloudEventRecords.record(eventId(mention.mentionId()), mention, source, mention.receivedAt()));
            }
            for (MentionTriaged outcome : triaged) {
                p.send(CloudEventRecords.record(triagedEventId(outcome.mentionId()), outcome, source,
                        outcome.triagedAt()));
            }
            deadLetters.forEach(p::send);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition partition : records.partitions()) {
                List<ConsumerRecord<String, String>> of = records.records(partition);
                offsets.put(partition, new OffsetAndMetadata(of.get(of.size() - 1).offset() + 1));
            }
            p.sendOffsetsToTransaction(offsets, c.groupMetadata());
            beforeCommit.check(mentions);
            p.commitTransaction();
        } catch (Exception e) {
            abort(p);
            throw e;
        }
    }

    /** The CloudEvents id of a mention's announcement: the same on every replay, so inboxes drop a repeat. */
    static UUID eventId(UUID mentionId) {
        return UUID.nameUUIDFromBytes(("clearpost.mention.received.v1:" + mentionId).getBytes(StandardCharsets.UTF_8));
    }

    /** The CloudEvents id of a mention's MentionTriaged, derived like {@link #eventId}. */
    static UUID triagedEventId(UUID mentionId) {
        return UUID.nameUUIDFromBytes(("clearpost.mention.triaged.v1:" + mentionId).getBytes(StandardCharsets.UTF_8));
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            KafkaProducer<String, String> p = new KafkaProducer<>(producerConfig);
            try {
                p.initTransactions();
            } catch (RuntimeException e) {
                p.close(Duration.ZERO);
                throw e;
            }
            producer = p;
        }
        return producer;
    }

    private void abort(KafkaProducer<String, String> p) {
        try {
            p.abortTransaction();
        } catch (KafkaException | IllegalStateException e) {
            // Fenced or in a fatal state: the producer is replaced before the next attempt.
            closeProducer();
        }
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("Closing the pipeline producer: %s", e.getMessage());
            }
            producer = null;
        }
    }

    /** Waits before a retry, polling paused partitions meanwhile so the member stays in its group. */
    private void waitPolling(KafkaConsumer<String, String> c, Duration wait) {
        Set<TopicPartition> assigned = c.assignment();
        c.pause(assigned);
        try {
            Instant until = Instant.now().plus(wait);
            while (!stopping && Instant.now().isBefore(until)) {
                ConsumerRecords<String, String> none = c.poll(Duration.between(Instant.now(), until).isNegative()
                        ? Duration.ZERO : Duration.between(Instant.now(), until));
                if (!none.isEmpty()) {
                    throw new IllegalStateException("a paused consumer returned records");
                }
            }
        } finally {
            c.resume(c.assignment());
        }
    }

    private static Map<Integer, long[]> byPartition(Map<TopicPartition, long[]> ranges) {
        Map<Integer, long[]> byPartition = new HashMap<>();
        ranges.forEach((partition, range) -> byPartition.put(partition.partition(), range));
        return byPartition;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
