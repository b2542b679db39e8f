package org.clearpost.analytics.posts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.clearpost.analytics.stream.FigureSerde;
import org.clearpost.analytics.stream.FigureSink;
import org.clearpost.analytics.stream.FigureStores;
import org.clearpost.analytics.stream.FigureTopology;
import org.clearpost.events.ClearanceCaseOpened;
import org.clearpost.events.ClearanceRerouted;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.EventType;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PostRejected;
import org.clearpost.events.PreElectionExemptionGranted;
import org.clearpost.events.PreElectionPeriodCancelled;
import org.clearpost.events.PreElectionPeriodDeclared;
import org.clearpost.events.PreElectionRefused;
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.PreElectionReport;
import org.clearpost.support.inbox.EventHandlers;

/**
 * pre-election-reports: per pre-election period, the versions drafted while it was in force, routed under its rules,
 * refused by them (each refusal listed), rejected, cleared as exemptions (each with its reason) and published
 * ({@link PreElectionReport}).
 *
 * <p>Two stages. The first, keyed by post id, remembers under which period each version was routed (its case's
 * {@code preElectionPeriodId}, or a reroute's {@code periodId}), so its rejection and first publication count for that
 * period; a publication seen before the routing waits for it. It passes the period's own events (keyed by period id)
 * through, and every submission. Everything then goes through one repartition topic ({@value #BY_PERIOD}) with a
 * single partition, on purpose: periods are few (a handful a year), and a submission has to be matched by time against
 * every period, which a single task holding them all does without a global table (the periods' topic is already one of
 * the topology's sources, and a topic can feed only one). The second stage keeps the periods' windows, the
 * submissions (for a period declared, moved or cancelled after them: the drafted count is recounted) and the reports.
 * Not time-bucketed: a report has no grace period and is never pruned; submissions are forgotten after
 * {@link #submissionRetention()}.
 */
@ApplicationScoped
public class PreElectionReportTopology implements FigureTopology {

    static final String PREFIX = "pre-election-reports";
    static final String ROUTING_STORE = PREFIX + "-routing";
    static final String PERIODS_STORE = PREFIX + "-periods";
    static final String SUBMISSIONS_STORE = PREFIX + "-submissions";
    static final String BY_PERIOD = PREFIX + "-by-period";
    /** clearance's name of the route a period's rules apply on ({@code Route.PRE_ELECTION} there). */
    static final String PRE_ELECTION_ROUTE = "pre-election";

    static final EventHandlers<Routing> HANDLERS = EventHandlers.<Routing>builder()
            .onWith(PreElectionPeriodDeclared.class, (event, routing) -> routing.pass(new Change(Kind.DECLARED,
                    event.periodId(), event.declaredAt(), null, null, event, null, null, null)))
            .onWith(PreElectionPeriodCancelled.class, (event, routing) -> routing.pass(new Change(Kind.CANCELLED,
                    event.periodId(), event.cancelledAt(), null, null, null, event, null, null)))
            .onWith(PreElectionRefused.class, (event, routing) -> routing.pass(new Change(Kind.REFUSED,
                    event.periodId(), event.refusedAt(), event.postId(), event.version(), null, null, event, null)))
            .onWith(PreElectionExemptionGranted.class, (event, routing) -> routing.pass(new Change(Kind.EXEMPTION,
                    event.periodId(), event.grantedAt(), event.postId(), event.version(), null, null, null, event)))
            .onWith(PostDrafted.class, (event, routing) -> routing.pass(new Change(Kind.SUBMITTED, null,
                    event.submittedAt(), event.postId(), event.version(), null, null, null, null)))
            .onWith(ClearanceCaseOpened.class, (event, routing) -> routing.routed(event.postId(), event.version(),
                    event.preElectionPeriodId(), event.openedAt()))
            .onWith(ClearanceRerouted.class, (event, routing) -> routing.rerouted(event))
            .onWith(PostRejected.class, (event, routing) -> routing.rejected(event))
            .onWith(PostPublished.class, (event, routing) -> routing.published(event))
            .build();

    private Duration submissionRetention;

    @Inject
    public PreElectionReportTopology(PostFiguresConfig config) {
        this(config.preElectionSubmissionRetention());
    }

    public PreElectionReportTopology(Duration submissionRetention) {
        this.submissionRetention = submissionRetention;
    }

    public static PreElectionReportTopology withDefaults() {
        return new PreElectionReportTopology(Duration.ofDays(400));
    }

    /**
     * How long a submission is remembered to count for a period declared or moved after it, and a version's routing
     * to count its rejection or publication.
     */
    public Duration submissionRetention() {
        return submissionRetention;
    }

    @Override
    public Set<EventType> consumes() {
        return HANDLERS.handled();
    }

    @Override
    public Set<FigureType> figures() {
        return Set.of(FigureType.PRE_ELECTION_REPORTS);
    }

    @Override
    public int order() {
        return 120;
    }

    @Override
    public void build(StreamsBuilder builder, KStream<String, ClearpostEvent> events) {
        String figureStore = FigureStores.storeName(FigureType.PRE_ELECTION_REPORTS);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ROUTING_STORE),
                Serdes.String(), FigureSerde.json(RoutingState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PERIODS_STORE),
                Serdes.String(), FigureSerde.json(Window.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SUBMISSIONS_STORE),
                Serdes.String(), Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(figureStore),
                Serdes.String(), FigureSerde.of(PreElectionReport.class)));
        Duration keep = submissionRetention;
        KStream<String, PreElectionReport> rows = events
                .process(() -> new Routing(keep), Named.as(PREFIX + "-routing-processor"), ROUTING_STORE)
                .repartition(Repartitioned.<String, Change>as(BY_PERIOD).withKeySerde(Serdes.String())
                        .withValueSerde(FigureSerde.json(Change.class)).withNumberOfPartitions(1))
                .process(() -> new Reports(keep, figureStore), Named.as(PREFIX + "-rows"), PERIODS_STORE,
                        SUBMISSIONS_STORE, figureStore);
        FigureSink.to(rows, FigureType.PRE_ELECTION_REPORTS);
    }

    enum Kind {
        DECLARED, CANCELLED, REFUSED, EXEMPTION, SUBMITTED, ROUTED, REJECTED, PUBLISHED
    }

    /**
     * One event's contribution to the reports, as the second stage reads it: the period's own events as they are, a
     * submission (no period yet: matched by time), or a routed version's routing, rejection or publication.
     */
    record Change(Kind kind, UUID periodId, Instant at, UUID postId, Integer version,
            PreElectionPeriodDeclared declared, PreElectionPeriodCancelled cancelled, PreElectionRefused refused,
            PreElectionExemptionGranted exemption) {

        String key() {
            return periodId != null ? periodId.toString() : PostActivityTopology.versionKey(postId, version);
        }
    }

    /**
     * @param periodId the period the version was routed under, else {@code null}
     * @param publishedAt its first publication, once seen (possibly before its routing)
     * @param rejected whether its rejection has been counted
     * @param lastSeen the latest event time about the version, for pruning
     */
    record RoutingState(UUID periodId, Instant publishedAt, boolean publishedCounted, boolean rejected,
            Instant lastSeen) {
    }

    /** A period's window: in force from {@code startsAt} to the earlier of {@code endsAt} and its cancellation. */
    record Window(Instant startsAt, Instant endsAt, Instant cancelledAt) {

        boolean inForceAt(Instant at) {
            if (startsAt != null && at.isBefore(startsAt)) {
                return false;
            }
            if (endsAt != null && !at.isBefore(endsAt)) {
                return false;
            }
            return cancelledAt == null || at.isBefore(cancelledAt);
        }
    }

    /** The first stage, keyed by post id (period id for the period's own events). */
    static final class Routing implements Processor<String, ClearpostEvent, String, Change> {

        private final Duration retention;

        private ProcessorContext<String, Change> context;
        private KeyValueStore<String, RoutingState> store;

        @Override
        public void init(ProcessorContext<String, Change> context) {
            this.context = context;
            this.store = context.getStateStore(ROUTING_STORE);
            context.schedule(BucketRows.PRUNE_EVERY, PunctuationType.STREAM_TIME, this::prune);
        }

        Routing(Duration retention) {
            this.retention = retention;
        }

        private void prune(long streamTime) {
            BucketRows.deleteBefore(store, RoutingState::lastSeen, Instant.ofEpochMilli(streamTime).minus(retention));
        }

        @Override
        public void process(Record<String, ClearpostEvent> record) {
            HANDLERS.dispatch(record.value(), this);
        }

        void pass(Change change) {
            context.forward(new Record<>(change.key(), change, change.at().toEpochMilli()));
        }

        void routed(UUID postId, int version, UUID periodId, Instant at) {
            if (periodId == null) {
                return; // not routed under a period: nothing for the reports (a later reroute may still be)
            }
            String key = PostActivityTopology.versionKey(postId, version);
            RoutingState state = store.get(key);
            if (state != null && periodId.equals(state.periodId())) {
                return;
            }
            pass(new Change(Kind.ROUTED, periodId, at, postId, version, null, null, null, null));
            boolean publishedCounted = false;
            if (state != null && state.publishedAt() != null) {
                pass(new Change(Kind.PUBLISHED, periodId, state.publishedAt(), postId, version, null, null, null,
                        null));
                publishedCounted = true;
            }
            store.put(key, new RoutingState(periodId, state == null ? null : state.publishedAt(), publishedCounted,
                    false, at));
        }

        /**
         * A reroute names the period behind it both onto the pre-election route (the period came into force or moved
         * over the case) and off it (the period was cancelled or moved away): only the first routes the version under
         * the period. Once off it, the version's rejection or publication is no longer the period's; its routing
         * stays counted, because it did happen.
         */
        void rerouted(ClearanceRerouted event) {
            if (PRE_ELECTION_ROUTE.equals(event.toRoute())) {
                routed(event.postId(), event.version(), event.periodId(), event.reroutedAt());
                return;
            }
            String key = PostActivityTopology.versionKey(event.postId(), event.version());
            RoutingState state = store.get(key);
            if (state != null && state.periodId() != null) {
                store.put(key, new RoutingState(null, state.publishedAt(), state.publishedCounted(),
                        state.rejected(), event.reroutedAt()));
            }
        }

        void rejected(PostRejected event) {
            String key = PostActivityTopology.versionKey(event.postId(), event.version());
            RoutingState state = store.get(key);
            if (state == null || state.periodId() == null || state.rejected()) {
                return;
            }
            pass(new Change(Kind.REJECTED, state.periodId(), event.rejectedAt(), event.postId(), event.version(),
                    null, null, null, null));
            store.put(key, new RoutingState(state.periodId(), state.publishedAt(), state.publishedCounted(), true,
                    event.rejectedAt()));
        }

        /** A version counts once as published, at its first target's publication. */
        void published(PostPublished event) {
            String key = PostActivityTopology.versionKey(event.postId(), event.version());
            RoutingState state = store.get(key);
            if (state != null && state.publishedAt() != null) {
                return;
            }
            if (state != null && state.periodId() != null) {
                pass(new Change(Kind.PUBLISHED, state.periodId(), event.publishedAt(), event.postId(),
                        event.version(), null, null, null, null));
                store.put(key, new RoutingState(state.periodId(), event.publishedAt(), true, state.rejected(),
                        event.publishedAt()));
                return;
            }
            // Not routed under a period (yet): remember it, in case its routing is still to come from clearance's
            // topic. Forgotten after the submission retention, like the routing of every version.
            store.put(key, new RoutingState(null, event.publishedAt(), false, false, event.publishedAt()));
        }
    }

    /** The second stage: one task with every period, its submissions and reports. */
    static final class Reports implements Processor<String, Change, String, PreElectionReport> {

        private final Duration submissionRetention;
        private final String figureStore;
        private ProcessorContext<String, PreElectionReport> context;
        private KeyValueStore<String, Window> periods;
        private KeyValueStore<String, Long> submissions;
        private KeyValueStore<String, PreElectionReport> reports;

        Reports(Duration submissionRetention, String figureStore) {
            this.submissionRetention = submissionRetention;
            this.figureStore = figureStore;
        }

        @Override
        public void init(ProcessorContext<String, PreElectionReport> context) {
            this.context = context;
            this.periods = context.getStateStore(PERIODS_STORE);
            this.submissions = context.getStateStore(SUBMISSIONS_STORE);
            this.reports = context.getStateStore(figureStore);
            context.schedule(BucketRows.PRUNE_EVERY, PunctuationType.STREAM_TIME, this::prune);
        }

        @Override
        public void process(Record<String, Change> record) {
            Change change = record.value();
            switch (change.kind()) {
                case DECLARED -> declared(change.declared());
                case CANCELLED -> cancelled(change.cancelled());
                case SUBMITTED -> submitted(change);
                case REFUSED -> update(change.periodId(), change.at(), report -> {
                    PreElectionRefused event = change.refused();
                    var refusal = new PreElectionReport.Refusal(event.postId(), event.version(), event.refusals(),
                            event.attemptedBy(), event.refusedAt());
                    if (report.refusals().contains(refusal)) {
                        return report;
                    }
                    List<PreElectionReport.Refusal> refusals = new ArrayList<>(report.refusals());
                    refusals.add(refusal);
                    return with(report, report.drafted(), report.routed(), refusals.size(), report.rejected(),
                            report.published(), report.exemptions(), refusals);
                });
                case EXEMPTION -> update(change.periodId(), change.at(), report -> {
                    PreElectionExemptionGranted event = change.exemption();
                    var exemption = new PreElectionReport.Exemption(event.postId(), event.version(),
                            event.essentialReason(), event.grantedBy(), event.comment(), event.grantedAt());
                    if (report.exemptions().contains(exemption)) {
                        return report;
                    }
                    List<PreElectionReport.Exemption> exemptions = new ArrayList<>(report.exemptions());
                    exemptions.add(exemption);
                    return with(report, report.drafted(), report.routed(), report.refused(), report.rejected(),
                            report.published(), exemptions, report.refusals());
                });
                case ROUTED -> update(change.periodId(), change.at(), report -> with(report, report.drafted(),
                        report.routed() + 1, report.refused(), report.rejected(), report.published(),
                        report.exemptions(), report.refusals()));
                case REJECTED -> update(change.periodId(), change.at(), report -> with(report, report.drafted(),
                        report.routed(), report.refused(), report.rejected() + 1, report.published(),
                        report.exemptions(), report.refusals()));
                case PUBLISHED -> update(change.periodId(), change.at(), report -> with(report, report.drafted(),
                        report.routed(), report.refused(), report.rejected(), report.published() + 1,
                        report.exemptions(), report.refusals()));
            }
        }

        private void declared(PreElectionPeriodDeclared event) {
            String key = event.periodId().toString();
            Window before = periods.get(key);
            Window window = new Window(event.startsAt(), event.endsAt(), before == null ? null : before.cancelledAt());
            periods.put(key, window);
            PreElectionReport report = report(event.periodId());
            PreElectionReport declared = new PreElectionReport(event.periodId(), event.name(), event.kind(),
                    event.scope(), event.startsAt(), event.endsAt(), report.cancelled(), countDrafted(window),
                    report.routed(), report.refused(), report.rejected(), report.published(), report.exemptions(),
                    report.refusals(), BucketRows.later(report.asOf(), event.declaredAt()));
            put(declared);
        }

        private void cancelled(PreElectionPeriodCancelled event) {
            String key = event.periodId().toString();
            Window before = periods.get(key);
            Window window = new Window(before == null ? null : before.startsAt(),
                    before == null ? null : before.endsAt(), event.cancelledAt());
            periods.put(key, window);
            PreElectionReport report = report(event.periodId());
            put(new PreElectionReport(report.periodId(), report.name(), report.kind(), report.scope(),
                    report.startsAt(), report.endsAt(), true, before == null ? report.drafted() : countDrafted(window),
                    report.routed(), report.refused(), report.rejected(), report.published(), report.exemptions(),
                    report.refusals(), BucketRows.later(report.asOf(), event.cancelledAt())));
        }

        private void submitted(Change change) {
            String key = change.key();
            if (submissions.get(key) != null) {
                return; // the same version again: counted already
            }
            submissions.put(key, change.at().toEpochMilli());
            List<KeyValue<String, Window>> inForce = new ArrayList<>();
            try (KeyValueIterator<String, Window> all = periods.all()) {
                all.forEachRemaining(period -> {
                    if (period.value.startsAt() != null && period.value.inForceAt(change.at())) {
                        inForce.add(period);
                    }
                });
            }
            for (KeyValue<String, Window> period : inForce) {
                update(UUID.fromString(period.key), change.at(), report -> with(report, report.drafted() + 1,
                        report.routed(), report.refused(), report.rejected(), report.published(),
                        report.exemptions(), report.refusals()));
            }
        }

        private long countDrafted(Window window) {
            if (window.startsAt() == null) {
                return 0; // cancelled before it was ever declared here: no dates to count by
            }
            long drafted = 0;
            try (KeyValueIterator<String, Long> all = submissions.all()) {
                while (all.hasNext()) {
                    if (window.inForceAt(Instant.ofEpochMilli(all.next().value))) {
                        drafted++;
                    }
                }
            }
            return drafted;
        }

        private void update(UUID periodId, Instant at, java.util.function.UnaryOperator<PreElectionReport> change) {
            PreElectionReport before = report(periodId);
            PreElectionReport after = change.apply(before);
            if (after == before) {
                return;
            }
            put(withAsOf(after, BucketRows.later(before.asOf(), at)));
        }

        private PreElectionReport report(UUID periodId) {
            PreElectionReport report = reports.get(periodId.toString());
            return report != null ? report
                    : new PreElectionReport(periodId, null, null, null, null, null, false, 0, 0, 0, 0, 0, List.of(),
                            List.of(), null);
        }

        private void put(PreElectionReport report) {
            reports.put(report.key(), report);
            context.forward(new Record<>(report.key(), report, report.asOf().toEpochMilli()));
        }

        private static PreElectionReport with(PreElectionReport r, long drafted, long routed, long refused,
                long rejected, long published, List<PreElectionReport.Exemption> exemptions,
                List<PreElectionReport.Refusal> refusals) {
            return new PreElectionReport(r.periodId(), r.name(), r.kind(), r.scope(), r.startsAt(), r.endsAt(),
                    r.cancelled(), drafted, routed, refused, rejected, published, exemptions, refusals, r.asOf());
        }

        private static PreElectionReport withAsOf(PreElectionReport r, Instant asOf) {
            return new PreElectionReport(r.periodId(), r.name(), r.kind(), r.scope(), r.startsAt(), r.endsAt(),
                    r.cancelled(), r.drafted(), r.routed(), r.refused(), r.rejected(), r.published(), r.exemptions(),
                    r.refusals(), asOf);
        }

        private void prune(long streamTime) {
            long cutoff = streamTime - submissionRetention.toMillis();
            List<String> expired = new ArrayList<>();
            try (KeyValueIterator<String, Long> all = submissions.all()) {
                all.forEachRemaining(submission -> {
                    if (submission.value < cutoff) {
                        expired.add(submission.key);
                    }
                });
            }
            expired.forEach(submissions::delete);
        }
    }
}
