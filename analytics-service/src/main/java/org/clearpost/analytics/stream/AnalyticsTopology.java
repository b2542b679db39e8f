package org.clearpost.analytics.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.Topics;

/** The one topology: every Clearpost topic in, each figure's part built on it. Quarkus runs it. */
@ApplicationScoped
public class AnalyticsTopology {

    @Produces
    @ApplicationScoped
    public Topology topology(Instance<FigureTopology> parts) {
        return build(parts.stream().toList());
    }

    /** The topology of these parts; also what tests drive with {@code TopologyTestDriver}. */
    public static Topology build(List<FigureTopology> parts) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, ClearpostEvent> events = builder
                .stream(Topics.ALL, Consumed.with(Serdes.String(), new CloudEventSerde())
                        .withTimestampExtractor(new CloudEventTimeExtractor()).withName("clearpost-events"))
                .filter((key, event) -> event != null, Named.as("known-event-types"));
        // Seam: the api branch replaces this filter with analytics' one handler table (EventHandlers) over Topics.ALL.
        parts.stream().sorted(Comparator.comparingInt(FigureTopology::order))
                .forEach(part -> part.build(builder, events.filter(
                        (key, event) -> part.consumes().contains(org.clearpost.events.EventType.of(event)),
                        Named.as("events-for-" + part.getClass().getSimpleName()))));
        return builder.build();
    }
}
