package org.clearpost.analytics.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.EventType;
import org.clearpost.events.Topics;
import org.clearpost.events.figures.FigureType;
import org.clearpost.support.inbox.EventHandlers;
import org.jboss.logging.Logger;

/**
 * The one topology: every Clearpost topic in, each record read and dispatched through analytics' one handler table
 * ({@link #handlerTable}), each figure's part built on the events it consumes, malformed records to the dead-letter
 * topic. Quarkus runs it.
 */
@ApplicationScoped
public class AnalyticsTopology {

    private static final Logger LOG = Logger.getLogger(AnalyticsTopology.class);
    /** Where records go that are not readable events, or whose type the table does not name. */
    public static final String DEAD_LETTER_TOPIC = Topics.deadLetter("analytics-service");

    /**
     * {@code @Singleton}, not {@code @ApplicationScoped}: a normal-scoped bean is a client proxy, and KafkaStreams reads
     * the topology's builder from a field, which on the proxy is an empty topology ("no stream threads").
     */
    @Produces
    @jakarta.inject.Singleton
    public Topology topology(Instance<FigureTopology> parts) {
        List<FigureTopology> list = parts.stream().toList();
        List<String> contradictions = contradictions(list);
        if (contradictions.isEmpty()) {
            Set<EventType> gaps = handlerTable(list).unaccountedFor(Topics.ALL);
            if (!gaps.isEmpty()) {
                // Not fatal: a type nobody names goes to the dead-letter topic when it arrives (HandlerTableTest
                // fails first); refusing to start would stop every figure for one missing line.
                LOG.errorf("Analytics' handler table names neither a part nor a reason for %s: these go to the "
                        + "dead-letter topic", gaps);
            }
        }
        return build(list);
    }

    /** The topology of these parts; also what tests drive with {@code TopologyTestDriver}. */
    public static Topology build(List<FigureTopology> parts) {
        List<FigureTopology> ordered = ordered(parts);
        EventHandlers<BitSet> table = handlerTable(ordered);
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, EventRouter.Routed> routed = builder
                .stream(Topics.ALL, Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withTimestampExtractor(new CloudEventTimeExtractor()).withName("clearpost-events"))
                .processValues(() -> new EventRouter(table), Named.as("handler-table"));
        routed.filter((key, r) -> r.dead(), Named.as("dead-letters"))
                .mapValues(EventRouter.Routed::deadLetter, Named.as("dead-letter-bytes"))
                .to(DEAD_LETTER_TOPIC, Produced.with(Serdes.String(), Serdes.ByteArray()).withName("dead-letter-sink"));
        for (int i = 0; i < ordered.size(); i++) {
            int index = i;
            FigureTopology part = ordered.get(i);
            KStream<String, ClearpostEvent> events = routed
                    .filter((key, r) -> r.goesTo(index), Named.as("events-for-" + part.getClass().getSimpleName()))
                    .mapValues(EventRouter.Routed::event, Named.as("events-of-" + part.getClass().getSimpleName()));
            part.build(builder, events);
        }
        return builder.build();
    }

    /**
     * Analytics' one handler table over {@link Topics#ALL}: a type any part consumes is handled (its handler marks the
     * parts that get it), every other type is ignored on purpose with the reason {@link IgnoredEvents} gives.
     *
     * @throws IllegalStateException when a part consumes a type that is also ignored, or one no topic of
     *         {@link Topics#ALL} carries, or two parts claim one figure or one order
     */
    public static EventHandlers<BitSet> handlerTable(List<FigureTopology> parts) {
        List<String> contradictions = contradictions(parts);
        if (!contradictions.isEmpty()) {
            throw new IllegalStateException("Analytics' handler table contradicts itself: " + contradictions);
        }
        List<FigureTopology> ordered = ordered(parts);
        Map<EventType, BitSet> consumers = new EnumMap<>(EventType.class);
        for (int i = 0; i < ordered.size(); i++) {
            for (EventType type : ordered.get(i).consumes()) {
                consumers.computeIfAbsent(type, t -> new BitSet()).set(i);
            }
        }
        EventHandlers.Builder<BitSet> builder = EventHandlers.builder();
        consumers.forEach((type, readers) -> handle(builder, type.recordType(), readers));
        Map<String, List<EventType>> byReason = new HashMap<>();
        IgnoredEvents.reasons().forEach((type, why) -> byReason.computeIfAbsent(why, w -> new ArrayList<>()).add(type));
        byReason.forEach((why, types) -> {
            @SuppressWarnings("unchecked")
            Class<? extends ClearpostEvent>[] classes = types.stream().map(EventType::recordType).toArray(Class[]::new);
            builder.ignore(why, classes);
        });
        return builder.build();
    }

    private static <E extends ClearpostEvent> void handle(EventHandlers.Builder<BitSet> builder, Class<E> type,
            BitSet readers) {
        builder.onWith(type, (event, parts) -> parts.or(readers));
    }

    /** What makes the table impossible: empty when it can be built. */
    public static List<String> contradictions(List<FigureTopology> parts) {
        List<String> problems = new ArrayList<>();
        Map<FigureType, String> figures = new EnumMap<>(FigureType.class);
        Map<Integer, String> orders = new HashMap<>();
        for (FigureTopology part : parts) {
            String name = part.getClass().getSimpleName();
            for (EventType type : part.consumes()) {
                if (IgnoredEvents.reasons().containsKey(type)) {
                    problems.add(name + " consumes " + type + ", which IgnoredEvents declares ignored: remove it there");
                }
                if (!Topics.ALL.contains(type.topic())) {
                    problems.add(name + " consumes " + type + ", whose topic " + type.topic() + " is not read");
                }
            }
            for (FigureType figure : part.figures()) {
                String other = figures.put(figure, name);
                if (other != null) {
                    problems.add(figure + " is built by both " + other + " and " + name);
                }
            }
            String other = orders.put(part.order(), name);
            if (other != null) {
                problems.add(other + " and " + name + " have the same order " + part.order());
            }
        }
        for (EventType type : IgnoredEvents.reasons().keySet()) {
            if (!Topics.ALL.contains(type.topic())) {
                problems.add("IgnoredEvents names " + type + ", whose topic " + type.topic() + " is not read");
            }
        }
        return problems;
    }

    /** The types on {@link Topics#ALL} that no part consumes and {@link IgnoredEvents} does not ignore. */
    public static List<String> unaccountedFor(List<FigureTopology> parts) {
        List<String> problems = new ArrayList<>(contradictions(parts));
        if (problems.isEmpty()) {
            Set<EventType> missing = handlerTable(parts).unaccountedFor(Topics.ALL);
            missing.forEach(type -> problems.add(type + " (on " + type.topic()
                    + ") is neither consumed by a figure part nor ignored in IgnoredEvents"));
        }
        return problems;
    }

    private static List<FigureTopology> ordered(List<FigureTopology> parts) {
        return parts.stream().sorted(Comparator.comparingInt(FigureTopology::order)).toList();
    }
}
