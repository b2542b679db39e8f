package org.clearpost.analytics.engagement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.clearpost.analytics.stream.FigureSerde;
import org.clearpost.events.Target;
import org.clearpost.events.figures.FigureType;

/**
 * Step two of campaign-reports, keyed by post id: keeps each post's campaign and targets (published when, shared or
 * not, latest sample), and after every change sends the post's published targets to its campaign, replacing what it
 * sent before; when a later version moves the post to another campaign, the old one is sent an empty list. Events may
 * come in any order across the topics (a sample before its publication, a publication before its draft): each fills
 * in what it knows.
 */
final class PostTargets implements Processor<String, PostFact, String, CampaignInput> {

    static final String STORE = FigureType.CAMPAIGN_REPORTS.figureName() + "-posts";

    private ProcessorContext<String, CampaignInput> context;
    private KeyValueStore<String, PostState> posts;

    static ProcessorSupplier<String, PostFact, String, CampaignInput> supplier() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, PostFact, String, CampaignInput> get() {
                return new PostTargets();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                        FigureSerde.json(PostState.class)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, CampaignInput> context) {
        this.context = context;
        this.posts = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, PostFact> record) {
        PostFact fact = record.value();
        PostState held = posts.get(record.key());
        String campaign = held == null ? null : held.campaign();
        int version = held == null ? 0 : held.version();
        Map<String, PostState.TargetState> targets = new TreeMap<>(held == null ? Map.of() : held.targets());
        boolean changed = switch (fact.kind()) {
            case VERSION -> {
                if (fact.version() < version) {
                    yield false;
                }
                campaign = fact.campaign();
                version = fact.version();
                for (Target target : fact.targets()) {
                    PostState.TargetState known = targets.get(target.targetId().toString());
                    targets.put(target.targetId().toString(), new PostState.TargetState(target.targetId(),
                            target.network(), target.account(), target.isShare(),
                            known == null ? null : known.publishedAt(), known == null ? null : known.sampledAt(),
                            known == null ? Map.of() : known.metrics()));
                }
                yield true;
            }
            case PUBLISHED -> {
                PostState.TargetState known = targets.get(fact.targetId().toString());
                if (known != null && known.publishedAt() != null) {
                    yield false; // published once; a later publication of the same target is not another post
                }
                targets.put(fact.targetId().toString(), new PostState.TargetState(fact.targetId(), fact.network(),
                        fact.account(), known != null && known.share(), fact.publishedAt(),
                        known == null ? null : known.sampledAt(), known == null ? Map.of() : known.metrics()));
                yield true;
            }
            case SAMPLE -> {
                PostState.TargetState known = targets.get(fact.targetId().toString());
                if (known != null && known.sampledAt() != null && !fact.sampledAt().isAfter(known.sampledAt())) {
                    yield false; // an older sample arriving late: the held one stays
                }
                Map<String, Long> metrics = new TreeMap<>(known == null ? Map.of() : known.metrics());
                metrics.putAll(fact.metrics()); // cumulative counts: a metric the newer sample lacks keeps its value
                // A sample says the target is published; its publishedAt stands in until the PostPublished is read.
                targets.put(fact.targetId().toString(), new PostState.TargetState(fact.targetId(), fact.network(),
                        fact.account(), known != null && known.share(),
                        known != null && known.publishedAt() != null ? known.publishedAt() : fact.publishedAt(),
                        fact.sampledAt(), metrics));
                if (version == 0 && campaign == null) {
                    campaign = fact.campaign(); // no draft read: the publisher's word on the campaign
                }
                yield true;
            }
        };
        if (!changed) {
            return;
        }
        Instant time = Instant.ofEpochMilli(record.timestamp());
        Instant asOf = held == null || time.isAfter(held.asOf()) ? time : held.asOf();
        posts.put(record.key(), new PostState(campaign, version, targets, asOf));
        UUID postId = UUID.fromString(record.key());
        String before = held == null ? null : held.campaign();
        if (before != null && !Objects.equals(before, campaign)) {
            context.forward(new Record<>(before,
                    new CampaignInput(null, new CampaignInput.PostLines(postId, List.of(), asOf)), record.timestamp()));
        }
        if (campaign != null) {
            List<CampaignInput.Line> lines = new ArrayList<>();
            for (PostState.TargetState target : targets.values()) {
                if (target.publishedAt() != null) {
                    lines.add(new CampaignInput.Line(target.targetId(), target.network(), target.account(),
                            target.share(), target.publishedAt(), target.metrics()));
                }
            }
            context.forward(new Record<>(campaign,
                    new CampaignInput(null, new CampaignInput.PostLines(postId, lines, asOf)), record.timestamp()));
        }
    }
}
