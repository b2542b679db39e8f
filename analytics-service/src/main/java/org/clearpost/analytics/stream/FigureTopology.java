package org.clearpost.analytics.stream;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.EventType;
import org.clearpost.events.figures.FigureType;

/**
 * One part of analytics' topology: the figures of one feature package. {@link AnalyticsTopology} builds every bean of
 * this type onto one {@link StreamsBuilder}, in the order of {@link #order()}, over the one stream of every Clearpost
 * event.
 *
 * <p>Each figure it lists in {@link #figures()} must be materialised as a key-value store named
 * {@link FigureStores#storeName(FigureType)}, {@code String} keys ({@code Figure.key()}) to the figure's record
 * ({@link FigureSerde}), and written to its topic through {@link FigureSink}. Processors and stores are named
 * explicitly (prefixed by the figure), so that every replica builds the same topology.
 */
public interface FigureTopology {

    /**
     * The event types this part reads. {@link AnalyticsTopology} declares them handled in analytics' one handler
     * table ({@code EventHandlers}), and every other type on the topics ignored on purpose with its reason; the part
     * should dispatch what it reads by its own table of these types, never by {@code instanceof} chains.
     */
    Set<EventType> consumes();

    /**
     * @param events the events of the types in {@link #consumes()}, from every Clearpost topic, keyed as on its topic, timestamped by its CloudEvents
     *               {@code time} (when the change happened), in topic order per key
     */
    void build(StreamsBuilder builder, KStream<String, ClearpostEvent> events);

    Set<FigureType> figures();

    /** Where it goes among the others: distinct per implementation, so the topology is the same on every replica. */
    int order();

    /**
     * How far back the figure's rows are kept (its windows' retention, or how long the part keeps a row before it
     * deletes it). The REST layer refuses a window longer than this with a 400 that says it, rather than answering
     * a figure silently cut short. Default: two years, enough for a year-on-year comparison of a reporting year.
     */
    default Duration retention(FigureType figure) {
        return DEFAULT_RETENTION;
    }

    /**
     * How late an event may arrive (by its CloudEvents time, behind stream time) and still count in its window; later
     * ones are dropped by the window. Shown by {@code GET /figures} so an analyst knows when a past hour or day is
     * final. Default: one hour.
     */
    default Duration grace(FigureType figure) {
        return DEFAULT_GRACE;
    }

    Duration DEFAULT_RETENTION = Duration.ofDays(730);
    Duration DEFAULT_GRACE = Duration.ofHours(1);
}
