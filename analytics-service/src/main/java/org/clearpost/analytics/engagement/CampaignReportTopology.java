package org.clearpost.analytics.engagement;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.clearpost.analytics.stream.FigureSerde;
import org.clearpost.analytics.stream.FigureSink;
import org.clearpost.analytics.stream.FigureTopology;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.EventType;
import org.clearpost.events.figures.CampaignReport;
import org.clearpost.events.figures.FigureType;

/**
 * campaign-reports: per campaign, per account and network, the posts published within its dates, the corporate
 * shares among them, and their reach, engagements and link clicks from each target's latest sample. Three steps:
 * events to facts ({@link CampaignFacts}), per post ({@link PostTargets}), per campaign ({@link CampaignReports}),
 * with a named repartition topic before each keyed step.
 */
@ApplicationScoped
public class CampaignReportTopology implements FigureTopology {

    static final FigureType FIGURE = FigureType.CAMPAIGN_REPORTS;
    static final String NAME = FIGURE.figureName();

    @Override
    public Set<EventType> consumes() {
        return CampaignFacts.HANDLERS.handled();
    }

    @Override
    public Set<FigureType> figures() {
        return Set.of(FIGURE);
    }

    @Override
    public int order() {
        return 230;
    }

    @Override
    public void build(StreamsBuilder builder, KStream<String, ClearpostEvent> events) {
        KStream<String, CampaignFacts.Routed> facts = events.process(CampaignFacts::new, Named.as(NAME + "-facts"));
        KStream<String, CampaignInput> fromPosts = facts
                .filter((key, fact) -> fact.post() != null, Named.as(NAME + "-post-facts"))
                .mapValues(CampaignFacts.Routed::post, Named.as(NAME + "-post-fact"))
                .repartition(Repartitioned.<String, PostFact>as(NAME + "-by-post")
                        .withKeySerde(Serdes.String()).withValueSerde(FigureSerde.json(PostFact.class)))
                .process(PostTargets.supplier(), Named.as(NAME + "-post-targets"));
        KStream<String, CampaignInput> definitions = facts
                .filter((key, fact) -> fact.campaign() != null, Named.as(NAME + "-definition-facts"))
                .mapValues(fact -> new CampaignInput(fact.campaign(), null), Named.as(NAME + "-definitions"));
        KStream<String, CampaignReport> reports = fromPosts.merge(definitions, Named.as(NAME + "-inputs"))
                .repartition(Repartitioned.<String, CampaignInput>as(NAME + "-by-campaign")
                        .withKeySerde(Serdes.String()).withValueSerde(FigureSerde.json(CampaignInput.class)))
                .process(CampaignReports.supplier(), Named.as(NAME + "-reports"));
        FigureSink.to(reports, FIGURE);
    }
}
