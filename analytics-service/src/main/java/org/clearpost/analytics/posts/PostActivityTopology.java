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
import org.clearpost.analytics.stream.FigureSerde;
import org.clearpost.analytics.stream.FigureSink;
import org.clearpost.analytics.stream.FigureStores;
import org.clearpost.events.CampaignRef;
import org.clearpost.events.ChangesRequested;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.EventType;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PostRejected;
import org.clearpost.events.PublicationFailed;
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.PostActivity;
import org.clearpost.support.inbox.EventHandlers;

/**
 * post-activity: target versions drafted, cleared, rejected, sent back, published and failed per London day, network,
 * account and campaign ({@link PostActivity}).
 *
 * <p>Two stages. The first, keyed by post id (drafting's, clearance's and the publisher's topics are all keyed by post
 * id and co-partitioned, so one task sees every event of a post, in order per topic), remembers each version's targets
 * and campaign from its {@code PostDrafted}, because a rejection, a request for changes, a publication or a failure
 * does not carry them all; a decision or publication that arrives before its draft (the topics interleave freely,
 * above all in a rebuild) waits in the version's state and is counted, on its own day, when the draft arrives. It
 * turns each event into one change per (day, network, account, campaign) row, which are repartitioned by that row
 * ({@value #BY_ROW}) and added up in the figure's store by {@link BucketRows}, with a grace period and retention.
 */
@ApplicationScoped
public class PostActivityTopology extends BucketedTopology {

    static final String PREFIX = "post-activity";
    static final String VERSIONS_STORE = PREFIX + "-versions";
    static final String BY_ROW = PREFIX + "-by-row";
    /** A day in London can be 23 or 25 hours; the longer one keeps the retention check safe. */
    private static final Duration DAY = Duration.ofHours(25);

    /** What the first stage does with each event type it reads. */
    static final EventHandlers<Versions> HANDLERS = EventHandlers.<Versions>builder()
            .onWith(PostDrafted.class, (event, versions) -> versions.drafted(event))
            .onWith(PostCleared.class, (event, versions) -> versions.cleared(event))
            .onWith(PostRejected.class, (event, versions) -> versions.decided(event.postId(), event.version(),
                    new Pending(Outcome.REJECTED, null, null, event.rejectedAt())))
            .onWith(ChangesRequested.class, (event, versions) -> versions.decided(event.postId(), event.version(),
                    new Pending(Outcome.CHANGES_REQUESTED, null, null, event.requestedAt())))
            .onWith(PostPublished.class, (event, versions) -> versions.decided(event.postId(), event.version(),
                    new Pending(Outcome.PUBLISHED, event.network(), event.account(), event.publishedAt())))
            .onWith(PublicationFailed.class, (event, versions) -> versions.decided(event.postId(), event.version(),
                    new Pending(Outcome.FAILED, event.network(), event.account(), event.failedAt())))
            .build();


    @Inject
    public PostActivityTopology(PostFiguresConfig config) {
        this(config.postActivityGrace(), config.postActivityRetention());
    }

    public PostActivityTopology(Duration grace, Duration retention) {
        super(FigureType.POST_ACTIVITY, 100, DAY, grace, retention);
    }

    /** The defaults of {@link PostFiguresConfig}: a day's grace, 400 days' retention. */
    public static PostActivityTopology withDefaults() {
        return new PostActivityTopology(Duration.ofHours(24), Duration.ofDays(400));
    }

    @Override
    public Set<EventType> consumes() {
        return HANDLERS.handled();
    }

    @Override
    public void build(StreamsBuilder builder, KStream<String, ClearpostEvent> events) {
        String figureStore = FigureStores.storeName(FigureType.POST_ACTIVITY);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VERSIONS_STORE),
                Serdes.String(), FigureSerde.json(VersionState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(figureStore),
                Serdes.String(), FigureSerde.of(PostActivity.class)));
        Duration keep = retention();
        KStream<String, PostActivity> rows = events
                .process(() -> new Versions(keep), Named.as(PREFIX + "-versions-processor"), VERSIONS_STORE)
                .processValues(UpstreamStreamTime::new, Named.as(PREFIX + "-upstream-stream-time"))
                .repartition(Repartitioned.<String, PostActivity>as(BY_ROW).withKeySerde(Serdes.String())
                        .withValueSerde(FigureSerde.of(PostActivity.class)))
                .process(() -> new BucketRows<PostActivity, PostActivity>(PREFIX, figureStore,
                        change -> London.endOfDay(change.day()), row -> London.endOfDay(row.day()),
                        PostActivityTopology::add, grace(), retention(), lateDroppedCounter()),
                        Named.as(PREFIX + "-rows"), figureStore);
        FigureSink.to(rows, FigureType.POST_ACTIVITY);
    }

    static PostActivity add(PostActivity row, PostActivity change) {
        if (row == null) {
            return change;
        }
        return new PostActivity(row.day(), row.network(), row.account(), row.campaign(),
                row.drafted() + change.drafted(), row.cleared() + change.cleared(),
                row.rejected() + change.rejected(), row.changesRequested() + change.changesRequested(),
                row.published() + change.published(), row.failed() + change.failed(),
                BucketRows.later(row.asOf(), change.asOf()));
    }

    enum Outcome {
        CLEARED, REJECTED, CHANGES_REQUESTED, PUBLISHED, FAILED
    }

    record TargetRef(Network network, String account) {
    }

    /** A decision or publication seen before its version's draft; network and account only for publications. */
    record Pending(Outcome outcome, Network network, String account, Instant at) {
    }

    /**
     * One post version as the first stage knows it.
     *
     * @param drafted whether its {@code PostDrafted} has been seen (targets and campaign known)
     * @param lastSeen the latest event time about it, for pruning
     */
    record VersionState(boolean drafted, List<TargetRef> targets, String campaign, List<Pending> pending,
            Instant lastSeen) {

        VersionState {
            targets = targets == null ? List.of() : List.copyOf(targets);
            pending = pending == null ? List.of() : List.copyOf(pending);
        }
    }

    /** The first stage: per post version, events to changes of rows. */
    static final class Versions implements Processor<String, ClearpostEvent, String, PostActivity> {

        private final Duration retention;
        private ProcessorContext<String, PostActivity> context;
        private KeyValueStore<String, VersionState> store;

        Versions(Duration retention) {
            this.retention = retention;
        }

        @Override
        public void init(ProcessorContext<String, PostActivity> context) {
            this.context = context;
            this.store = context.getStateStore(VERSIONS_STORE);
            // A version's state is needed until its last publication; past the retention it could only feed buckets
            // that are pruned anyway.
            context.schedule(BucketRows.PRUNE_EVERY, PunctuationType.STREAM_TIME, this::prune);
        }

        @Override
        public void process(Record<String, ClearpostEvent> record) {
            HANDLERS.dispatch(record.value(), this);
        }

        void drafted(PostDrafted event) {
            String key = versionKey(event.postId(), event.version());
            VersionState before = store.get(key);
            if (before != null && before.drafted()) {
                return; // the same draft again (a redelivery): counted already
            }
            List<TargetRef> targets = event.targets().stream().map(t -> new TargetRef(t.network(), t.account()))
                    .toList();
            String campaign = slug(event.campaign());
            Instant lastSeen = event.submittedAt();
            for (TargetRef target : targets) {
                emit(null, target.network(), target.account(), campaign, event.submittedAt());
            }
            if (before != null) {
                for (Pending pending : before.pending()) {
                    count(pending, targets, campaign);
                    lastSeen = BucketRows.later(lastSeen, pending.at());
                }
                lastSeen = BucketRows.later(lastSeen, before.lastSeen());
            }
            store.put(key, new VersionState(true, targets, campaign, List.of(), lastSeen));
        }

        void cleared(PostCleared event) {
            // A clearance carries its own targets and campaign: no need to wait for the draft.
            String campaign = slug(event.campaign());
            for (var target : event.targets()) {
                emit(Outcome.CLEARED, target.network(), target.account(), campaign, event.clearedAt());
            }
        }

        void decided(UUID postId, int version, Pending decision) {
            String key = versionKey(postId, version);
            VersionState state = store.get(key);
            if (state != null && state.drafted()) {
                count(decision, state.targets(), state.campaign());
                store.put(key, new VersionState(true, state.targets(), state.campaign(), List.of(),
                        BucketRows.later(state.lastSeen(), decision.at())));
                return;
            }
            List<Pending> pending = new ArrayList<>(state == null ? List.of() : state.pending());
            pending.add(decision);
            store.put(key, new VersionState(false, List.of(), null, pending,
                    BucketRows.later(state == null ? null : state.lastSeen(), decision.at())));
        }

        /** Decisions count for every target of the version; a publication or failure for its own target. */
        private void count(Pending pending, List<TargetRef> targets, String campaign) {
            if (pending.network() != null) {
                emit(pending.outcome(), pending.network(), pending.account(), campaign, pending.at());
                return;
            }
            for (TargetRef target : targets) {
                emit(pending.outcome(), target.network(), target.account(), campaign, pending.at());
            }
        }

        /** {@code outcome} null: drafted. */
        private void emit(Outcome outcome, Network network, String account, String campaign, Instant at) {
            PostActivity change = new PostActivity(London.day(at), network, account, campaign,
                    outcome == null ? 1 : 0, outcome == Outcome.CLEARED ? 1 : 0, outcome == Outcome.REJECTED ? 1 : 0,
                    outcome == Outcome.CHANGES_REQUESTED ? 1 : 0, outcome == Outcome.PUBLISHED ? 1 : 0,
                    outcome == Outcome.FAILED ? 1 : 0, at);
            context.forward(new Record<>(change.key(), change, at.toEpochMilli()));
        }

        private void prune(long streamTime) {
            BucketRows.deleteBefore(store, VersionState::lastSeen, Instant.ofEpochMilli(streamTime).minus(retention));
        }
    }

    static String versionKey(UUID postId, int version) {
        return postId + "|" + version;
    }

    static String slug(CampaignRef campaign) {
        return campaign == null ? null : campaign.slug();
    }
}
