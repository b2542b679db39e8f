package org.clearpost.analytics.engagement;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.clearpost.analytics.stream.FigureSerde;
import org.clearpost.analytics.stream.FigureSink;
import org.clearpost.analytics.stream.FigureTopology;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.EventType;
import org.clearpost.events.PostMetricsSampled;
import org.clearpost.events.figures.EngagementTotals;
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.PostEngagement;

/**
 * post-engagement (each published target's latest sample) and engagement-totals (per campaign and network, the sum
 * of each target's latest sample: a newer sample replaces its target's contribution, never adds to it).
 */
@ApplicationScoped
public class EngagementTopology implements FigureTopology {

    static final String POSTS = FigureType.POST_ENGAGEMENT.figureName();
    static final String TOTALS = FigureType.ENGAGEMENT_TOTALS.figureName();

    @Override
    public Set<EventType> consumes() {
        return SamplesByTarget.HANDLERS.handled();
    }

    @Override
    public Set<FigureType> figures() {
        return Set.of(FigureType.POST_ENGAGEMENT, FigureType.ENGAGEMENT_TOTALS);
    }

    @Override
    public int order() {
        return 220;
    }

    @Override
    public void build(StreamsBuilder builder, KStream<String, ClearpostEvent> events) {
        KStream<String, SampleOutcome> outcomes = events
                .process(SamplesByTarget::new, Named.as(POSTS + "-by-target-key"))
                .repartition(Repartitioned.<String, PostMetricsSampled>as(POSTS + "-by-target")
                        .withKeySerde(Serdes.String()).withValueSerde(FigureSerde.json(PostMetricsSampled.class)))
                .process(LatestSamples.supplier(), Named.as(POSTS + "-latest"));
        KStream<String, PostEngagement> rows = outcomes.mapValues(SampleOutcome::row, Named.as(POSTS + "-rows"));
        FigureSink.to(rows, FigureType.POST_ENGAGEMENT);
        KStream<String, EngagementTotals> totals = outcomes
                .flatMap((target, outcome) -> outcome.deltas().stream()
                        .map(delta -> KeyValue.pair(delta.key(), delta)).toList(), Named.as(TOTALS + "-deltas"))
                .repartition(Repartitioned.<String, TotalsDelta>as(TOTALS + "-by-row")
                        .withKeySerde(Serdes.String()).withValueSerde(FigureSerde.json(TotalsDelta.class)))
                .process(TotalsSums.supplier(), Named.as(TOTALS + "-sums"));
        FigureSink.to(totals, FigureType.ENGAGEMENT_TOTALS);
    }
}
