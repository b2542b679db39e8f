package org.clearpost.analytics.mentions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.MentionsHourly;

/**
 * mentions-hourly: mentions per hour of {@code mentionedAt}, one row per (hour, dimension, value) for network,
 * account, each tracked query matched, sentiment and each policy 4.1 reason (or NO_RESPONSE_NEEDED). Two steps: per
 * mention ({@link MentionBuckets}: grace, dedupe, triage bucketed by its mention's hour), then per row
 * ({@link HourlyTotals}: the count, retention), with a named repartition topic between them.
 */
@ApplicationScoped
public class MentionsHourlyTopology implements FigureTopology {

    static final FigureType FIGURE = FigureType.MENTIONS_HOURLY;
    static final String NAME = FIGURE.figureName();
    /** Each mention's {@code mentionedAt} while its hour is open. */
    public static final String MENTIONS_STORE = NAME + "-mentions";

    /** The defaults of {@link MentionFiguresConfig} ({@code 2h}, {@code 90d}). */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(2);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

    private Duration grace;
    private Duration retention;

    /** For CDI's client proxy only. */
    protected MentionsHourlyTopology() {
    }

    @Inject
    public MentionsHourlyTopology(MentionFiguresConfig config) {
        this(config.mentionsHourly().grace(), config.mentionsHourly().retention());
    }

    /** With the default grace and retention: for tests and tools that build the topology without Quarkus. */
    public static MentionsHourlyTopology withDefaults() {
        return new MentionsHourlyTopology(DEFAULT_GRACE, DEFAULT_RETENTION);
    }

    public MentionsHourlyTopology(Duration grace, Duration retention) {
        if (grace.isNegative() || retention.isZero() || retention.isNegative() || retention.compareTo(grace) <= 0) {
            throw new IllegalArgumentException("clearpost.figures.mentions-hourly: grace (" + grace
                    + ") must be 0 or more and retention (" + retention + ") longer than it");
        }
        this.grace = grace;
        this.retention = retention;
    }

    @Override
    public Set<EventType> consumes() {
        return MentionBuckets.HANDLERS.handled();
    }

    @Override
    public Set<FigureType> figures() {
        return Set.of(FIGURE);
    }

    @Override
    public int order() {
        return 200;
    }

    /** How far back rows are kept: the REST layer refuses a longer window (see {@code FigureTopology#retention}). */
    public Duration retention(FigureType figure) {
        return retention;
    }

    /** How late a mention may arrive behind stream time and still count in its hour. */
    public Duration grace(FigureType figure) {
        return grace;
    }

    @Override
    public void build(StreamsBuilder builder, KStream<String, ClearpostEvent> events) {
        KStream<String, MentionsHourly> rows = events
                .process(MentionBuckets.supplier(grace, MENTIONS_STORE), Named.as(NAME + "-buckets"))
                .repartition(Repartitioned.<String, HourlyCount>as(NAME + "-by-row")
                        .withKeySerde(Serdes.String()).withValueSerde(FigureSerde.json(HourlyCount.class)))
                .process(HourlyTotals.supplier(retention), Named.as(NAME + "-totals"));
        FigureSink.to(rows, FIGURE);
    }
}
