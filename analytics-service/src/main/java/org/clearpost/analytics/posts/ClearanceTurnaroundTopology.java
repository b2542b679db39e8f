package org.clearpost.analytics.posts;

import com.tdunning.math.stats.MergingDigest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.clearpost.analytics.sketch.Digests;
import org.clearpost.analytics.stream.FigureSerde;
import org.clearpost.analytics.stream.FigureSink;
import org.clearpost.analytics.stream.FigureStores;
import org.clearpost.calendar.BusinessCalendar;
import org.clearpost.calendar.Division;
import org.clearpost.events.ChangesRequested;
import org.clearpost.events.ClearanceCaseOpened;
import org.clearpost.events.ClearanceOverdue;
import org.clearpost.events.ClearanceRerouted;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.EventType;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostRejected;
import org.clearpost.events.figures.ClearanceTurnaround;
import org.clearpost.events.figures.Figure;
import org.clearpost.events.figures.FigureType;
import org.clearpost.support.inbox.EventHandlers;
import org.jboss.logging.Logger;

/**
 * clearance-turnaround: per route and ISO week of the decision (Monday, London), how many versions were decided
 * (cleared, rejected, sent back), how long that took from submission in business time ({@code business-calendar}:
 * office hours, no weekends, no bank holidays) and wall-clock time, as p50/p90/max read from t-digests kept in the row
 * (so weeks merge into longer periods), and how many cases of the route went overdue ({@link ClearanceTurnaround}).
 *
 * <p>Two stages, like {@link PostActivityTopology}. The first, keyed by post id, keeps each version's submission time
 * ({@code ClearanceCaseOpened.submittedAt}, else {@code PostDrafted.submittedAt}) and route (the case's, replaced by
 * each {@code ClearanceRerouted}; else the cleared decision's own); a decision whose submission is not known yet (its
 * draft still to come on drafting's topic) waits for it. Each decision and each {@code ClearanceOverdue} becomes one
 * sample keyed by (route, week), repartitioned by that key ({@value #BY_ROW}) into {@link BucketRows}.
 */
@ApplicationScoped
public class ClearanceTurnaroundTopology extends BucketedTopology {

    private static final Logger LOG = Logger.getLogger(ClearanceTurnaroundTopology.class);
    static final String PREFIX = "clearance-turnaround";
    static final String CASES_STORE = PREFIX + "-cases";
    static final String BY_ROW = PREFIX + "-by-row";
    /** The route of a version rejected or sent back without a case on record (events from before cases existed). */
    static final String UNKNOWN_ROUTE = "unknown";
    private static final Duration WEEK = Duration.ofDays(7).plusHours(1);

    static final EventHandlers<Cases> HANDLERS = EventHandlers.<Cases>builder()
            .onWith(ClearanceCaseOpened.class, (event, cases) -> cases.opened(event))
            .onWith(ClearanceRerouted.class, (event, cases) -> cases.rerouted(event))
            .onWith(PostDrafted.class, (event, cases) -> cases.submitted(event))
            .onWith(PostCleared.class, (event, cases) -> cases.decided(event.postId(), event.version(),
                    new Decision(Outcome.CLEARED, event.route(), event.clearedAt())))
            .onWith(PostRejected.class, (event, cases) -> cases.decided(event.postId(), event.version(),
                    new Decision(Outcome.REJECTED, null, event.rejectedAt())))
            .onWith(ChangesRequested.class, (event, cases) -> cases.decided(event.postId(), event.version(),
                    new Decision(Outcome.CHANGES_REQUESTED, null, event.requestedAt())))
            .onWith(ClearanceOverdue.class, (event, cases) -> cases.overdue(event))
            .build();

    private BusinessCalendar calendar;

    @Inject
    public ClearanceTurnaroundTopology(PostFiguresConfig config) {
        this(config.turnaroundGrace(), config.turnaroundRetention(),
                BusinessCalendar.standard(Division.fromKey(config.bankHolidayDivision())));
    }

    public ClearanceTurnaroundTopology(Duration grace, Duration retention, BusinessCalendar calendar) {
        super(FigureType.CLEARANCE_TURNAROUND, 110, WEEK, grace, retention);
        this.calendar = calendar;
    }

    /** The defaults of {@link PostFiguresConfig}: a day's grace, two years' retention, England and Wales. */
    public static ClearanceTurnaroundTopology withDefaults() {
        return new ClearanceTurnaroundTopology(Duration.ofHours(24), Duration.ofDays(731),
                BusinessCalendar.standard(Division.ENGLAND_AND_WALES));
    }

    @Override
    public Set<EventType> consumes() {
        return HANDLERS.handled();
    }

    @Override
    public void build(StreamsBuilder builder, KStream<String, ClearpostEvent> events) {
        String figureStore = FigureStores.storeName(FigureType.CLEARANCE_TURNAROUND);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CASES_STORE),
                Serdes.String(), FigureSerde.json(CaseState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(figureStore),
                Serdes.String(), FigureSerde.of(ClearanceTurnaround.class)));
        Duration keep = retention();
        BusinessCalendar businessTime = calendar;
        KStream<String, ClearanceTurnaround> rows = events
                .process(() -> new Cases(keep, businessTime), Named.as(PREFIX + "-cases-processor"), CASES_STORE)
                .processValues(UpstreamStreamTime::new, Named.as(PREFIX + "-upstream-stream-time"))
                .repartition(Repartitioned.<String, Sample>as(BY_ROW).withKeySerde(Serdes.String())
                        .withValueSerde(FigureSerde.json(Sample.class)))
                .process(() -> new BucketRows<Sample, ClearanceTurnaround>(PREFIX, figureStore,
                        sample -> London.endOfWeek(sample.weekStart()), row -> London.endOfWeek(row.weekStart()),
                        ClearanceTurnaroundTopology::add, grace(), retention(), lateDroppedCounter()),
                        Named.as(PREFIX + "-rows"), figureStore);
        FigureSink.to(rows, FigureType.CLEARANCE_TURNAROUND);
    }

    static ClearanceTurnaround add(ClearanceTurnaround row, Sample sample) {
        long decisions = row == null ? 0 : row.decisions();
        long cleared = row == null ? 0 : row.cleared();
        long rejected = row == null ? 0 : row.rejected();
        long changes = row == null ? 0 : row.changesRequested();
        long overdue = row == null ? 0 : row.overdue();
        MergingDigest business = Digests.read(row == null ? null : row.digest());
        MergingDigest wallClock = Digests.read(row == null ? null : row.wallClockDigest());
        switch (sample.outcome()) {
            case OVERDUE -> overdue++;
            case CLEARED -> cleared++;
            case REJECTED -> rejected++;
            case CHANGES_REQUESTED -> changes++;
        }
        if (sample.outcome() != Outcome.OVERDUE) {
            decisions++;
            if (sample.businessSeconds() != null) {
                business.add(sample.businessSeconds());
            }
            wallClock.add(sample.wallClockSeconds());
        }
        // Percentiles are read from the digests as stored, so a rebuilt row equals the live one bit for bit.
        String businessDigest = Digests.write(business);
        String wallClockDigest = Digests.write(wallClock);
        return new ClearanceTurnaround(sample.route(), sample.weekStart(), decisions, cleared, rejected, changes,
                overdue, Digests.percentiles(Digests.read(businessDigest)),
                Digests.percentiles(Digests.read(wallClockDigest)), businessDigest, wallClockDigest,
                BucketRows.later(row == null ? null : row.asOf(), sample.at()));
    }

    enum Outcome {
        CLEARED, REJECTED, CHANGES_REQUESTED, OVERDUE
    }

    /** @param route the decision's own route (cleared decisions carry it), else {@code null} */
    record Decision(Outcome outcome, String route, Instant at) {
    }

    /**
     * One decision's (or overdue case's) contribution to a row.
     *
     * @param businessSeconds {@code null} when the business calendar does not cover the dates (counted, no duration)
     */
    record Sample(String route, LocalDate weekStart, Outcome outcome, Double businessSeconds,
            double wallClockSeconds, Instant at) {

        String key() {
            return Figure.key(route, weekStart);
        }
    }

    /**
     * @param route the case's route, the latest reroute's once rerouted; {@code null} before a case is known
     * @param submittedAt when the version was submitted, {@code null} until known
     * @param pending decisions seen before the submission
     */
    record CaseState(String route, Instant submittedAt, List<Decision> pending, Instant lastSeen) {

        CaseState {
            pending = pending == null ? List.of() : List.copyOf(pending);
        }
    }

    /** The first stage: per post version, decisions to samples. */
    static final class Cases implements Processor<String, ClearpostEvent, String, Sample> {

        private final Duration retention;
        private final BusinessCalendar calendar;
        private ProcessorContext<String, Sample> context;
        private KeyValueStore<String, CaseState> store;

        Cases(Duration retention, BusinessCalendar calendar) {
            this.retention = retention;
            this.calendar = calendar;
        }

        @Override
        public void init(ProcessorContext<String, Sample> context) {
            this.context = context;
            this.store = context.getStateStore(CASES_STORE);
            context.schedule(BucketRows.PRUNE_EVERY, PunctuationType.STREAM_TIME, this::prune);
        }

        @Override
        public void process(Record<String, ClearpostEvent> record) {
            HANDLERS.dispatch(record.value(), this);
        }

        void opened(ClearanceCaseOpened event) {
            String key = PostActivityTopology.versionKey(event.postId(), event.version());
            CaseState state = store.get(key);
            // A case's own submission time wins over the draft's: it is the one clearance's due time ran from.
            update(key, new CaseState(event.route(), event.submittedAt(),
                    state == null ? List.of() : state.pending(), later(state, event.openedAt())));
        }

        void rerouted(ClearanceRerouted event) {
            String key = PostActivityTopology.versionKey(event.postId(), event.version());
            CaseState state = store.get(key);
            update(key, new CaseState(event.toRoute(), state == null ? null : state.submittedAt(),
                    state == null ? List.of() : state.pending(), later(state, event.reroutedAt())));
        }

        void submitted(PostDrafted event) {
            String key = PostActivityTopology.versionKey(event.postId(), event.version());
            CaseState state = store.get(key);
            if (state != null && state.submittedAt() != null) {
                return;
            }
            update(key, new CaseState(state == null ? null : state.route(), event.submittedAt(),
                    state == null ? List.of() : state.pending(), later(state, event.submittedAt())));
        }

        void decided(UUID postId, int version, Decision decision) {
            String key = PostActivityTopology.versionKey(postId, version);
            CaseState state = store.get(key);
            List<Decision> pending = new ArrayList<>(state == null ? List.of() : state.pending());
            pending.add(decision);
            update(key, new CaseState(state == null ? null : state.route(),
                    state == null ? null : state.submittedAt(), pending, later(state, decision.at())));
        }

        void overdue(ClearanceOverdue event) {
            Sample sample = new Sample(event.route(), London.weekStart(event.detectedAt()), Outcome.OVERDUE, null,
                    0, event.detectedAt());
            context.forward(new Record<>(sample.key(), sample, event.detectedAt().toEpochMilli()));
        }

        /** Stores the state, first turning its pending decisions into samples if the submission is now known. */
        private void update(String key, CaseState state) {
            if (state.submittedAt() == null || state.pending().isEmpty()) {
                store.put(key, state);
                return;
            }
            for (Decision decision : state.pending()) {
                String route = state.route() != null ? state.route()
                        : decision.route() != null ? decision.route() : UNKNOWN_ROUTE;
                Instant from = state.submittedAt();
                Instant to = decision.at().isBefore(from) ? from : decision.at();
                Double business;
                try {
                    business = calendar.businessDurationBetween(from, to).toMillis() / 1000.0;
                } catch (IllegalStateException e) {
                    // The bundled bank holidays do not cover these dates: count the decision, say why there is no
                    // business duration, and keep the wall-clock one.
                    LOG.warnf("clearance-turnaround: no business time for %s (%s to %s): %s", key, from, to,
                            e.getMessage());
                    business = null;
                }
                Sample sample = new Sample(route, London.weekStart(decision.at()), decision.outcome(), business,
                        Duration.between(from, to).toMillis() / 1000.0, decision.at());
                context.forward(new Record<>(sample.key(), sample, decision.at().toEpochMilli()));
            }
            store.put(key, new CaseState(state.route(), state.submittedAt(), List.of(), state.lastSeen()));
        }

        private static Instant later(CaseState state, Instant at) {
            return BucketRows.later(state == null ? null : state.lastSeen(), at);
        }

        private void prune(long streamTime) {
            BucketRows.deleteBefore(store, CaseState::lastSeen, Instant.ofEpochMilli(streamTime).minus(retention));
        }
    }
}
