package org.clearpost.analytics.mentions;

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
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.ResponseTimes;

/**
 * response-times: first responses per ISO week (Monday, London, of {@code answeredAt}) and network, plus an
 * {@code ALL} row per week: how many, how many within their SLA, business seconds as monitoring measured them and
 * wall-clock seconds, p50/p90/max from t-digests. Weekly rows are kept (no retention of their own: a few rows a week).
 */
@ApplicationScoped
public class ResponseTimesTopology implements FigureTopology {

    static final FigureType FIGURE = FigureType.RESPONSE_TIMES;
    static final String NAME = FIGURE.figureName();

    @Override
    public Set<EventType> consumes() {
        return AnswerRows.HANDLERS.handled();
    }

    @Override
    public Set<FigureType> figures() {
        return Set.of(FIGURE);
    }

    @Override
    public int order() {
        return 210;
    }

    @Override
    public void build(StreamsBuilder builder, KStream<String, ClearpostEvent> events) {
        KStream<String, ResponseTimes> rows = events
                .process(AnswerRows.supplier(), Named.as(NAME + "-answers"))
                .repartition(Repartitioned.<String, Answer>as(NAME + "-by-row")
                        .withKeySerde(Serdes.String()).withValueSerde(FigureSerde.json(Answer.class)))
                .process(ResponseTimeTotals.supplier(), Named.as(NAME + "-totals"));
        FigureSink.to(rows, FIGURE);
    }
}
