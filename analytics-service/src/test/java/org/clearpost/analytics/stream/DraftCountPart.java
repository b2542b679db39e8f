package org.clearpost.analytics.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.EventType;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.Target;
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.PostActivity;
import org.clearpost.support.time.LondonTime;

/**
 * A small figure part for the topology's own tests (dead letters, the handler table, CloudEvents headers on a figure
 * topic) without depending on a real part's rules: counts drafted targets into {@code post-activity}, through a
 * repartition and a changelog like a real aggregate. Not a bean: the service runs the real parts.
 */
public class DraftCountPart implements FigureTopology {


    @Override
    public Set<EventType> consumes() {
        return Set.of(EventType.POST_DRAFTED);
    }

    @Override
    public Set<FigureType> figures() {
        return Set.of(FigureType.POST_ACTIVITY);
    }

    @Override
    public int order() {
        return 9_999;
    }

    @Override
    public Duration retention(FigureType figure) {
        return Duration.ofDays(90);
    }

    @Override
    public void build(StreamsBuilder builder, KStream<String, ClearpostEvent> events) {
        FigureSink.to(events.flatMap((key, event) -> {
            PostDrafted drafted = (PostDrafted) event;
            LocalDate day = LondonTime.toLocal(drafted.submittedAt()).toLocalDate();
            String campaign = drafted.campaign() == null ? null : drafted.campaign().slug();
            List<KeyValue<String, PostActivity>> rows = new ArrayList<>();
            for (Target target : drafted.targets()) {
                PostActivity one = new PostActivity(day, target.network(), target.account(), campaign, 1, 0, 0, 0, 0,
                        0, drafted.submittedAt());
                rows.add(KeyValue.pair(one.key(), one));
            }
            return rows;
        }, Named.as("test-drafts-by-row")).groupByKey(Grouped.with("test-drafts", Serdes.String(),
                FigureSerde.of(PostActivity.class))).reduce((a, b) -> new PostActivity(a.day(), a.network(),
                        a.account(), a.campaign(), a.drafted() + b.drafted(), 0, 0, 0, 0, 0,
                        a.asOf().isAfter(b.asOf()) ? a.asOf() : b.asOf()),
                Named.as("test-drafts-count"),
                Materialized.<String, PostActivity, org.apache.kafka.streams.state.KeyValueStore<
                        org.apache.kafka.common.utils.Bytes, byte[]>>as(FigureStores.storeName(FigureType.POST_ACTIVITY))
                        .withKeySerde(Serdes.String()).withValueSerde(FigureSerde.of(PostActivity.class)))
                .toStream(Named.as("test-drafts-rows")), FigureType.POST_ACTIVITY);
    }


}
