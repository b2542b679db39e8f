package org.clearpost.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clearpost.events.EventJson;
import org.clearpost.events.figures.FigureType;
import org.clearpost.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

class FigureFilterTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration YEAR = Duration.ofDays(365);

    @Test
    void londonDatesIncludeTheWholeToDay() {
        FigureFilter filter = parse(FigureType.POST_ACTIVITY, "2026-05-01", "2026-05-03", Map.of("network", "X"));
        assertThat(filter.from()).contains(Instant.parse("2026-04-30T23:00:00Z"));
        assertThat(filter.to()).contains(Instant.parse("2026-05-03T23:00:00Z"));
        assertThat(filter.matches(row("day", "2026-05-03", "network", "X"))).isTrue();
        assertThat(filter.matches(row("day", "2026-05-04", "network", "X"))).isFalse();
        assertThat(filter.matches(row("day", "2026-05-02", "network", "FACEBOOK"))).isFalse();
    }

    @Test
    void instantFiguresTakeInstantsOrDates() {
        FigureFilter filter = parse(FigureType.MENTIONS_HOURLY, "2026-05-01T09:00:00Z", "2026-05-01",
                Map.of("dimension", "sentiment"));
        assertThat(filter.to()).contains(Instant.parse("2026-05-01T23:00:00Z"));
        assertThat(filter.matches(row("hourStart", "2026-05-01T09:00:00Z", "dimension", "sentiment"))).isTrue();
        assertThat(filter.matches(row("hourStart", "2026-05-01T08:00:00Z", "dimension", "sentiment"))).isFalse();
    }

    @Test
    void badInputNamesTheParameter() {
        assertBad(() -> parse(FigureType.POST_ACTIVITY, "2026-05-01T09:00:00Z", null, Map.of()), "from", "London date");
        assertBad(() -> parse(FigureType.POST_ACTIVITY, "yesterday", null, Map.of()), "from", "London date");
        assertBad(() -> parse(FigureType.MENTIONS_HOURLY, null, "soon", Map.of()), "to", "ISO instant");
        assertBad(() -> parse(FigureType.POST_ACTIVITY, "2026-05-03", "2026-05-01", Map.of()), "from", "after");
        assertBad(() -> parse(FigureType.POST_ACTIVITY, null, null, Map.of("network", "MYSPACE")), "network",
                "unknown network");
        assertBad(() -> parse(FigureType.MENTIONS_HOURLY, null, null, Map.of("dimension", "mood")), "dimension",
                "unknown dimension");
        assertBad(() -> parse(FigureType.POST_ACTIVITY, null, null, Map.of("route", "press")), "route",
                "cannot be filtered by route");
        assertBad(() -> parse(FigureType.ENGAGEMENT_TOTALS, "2026-05-01", null, Map.of()), "from", "no from/to");
        assertBad(() -> parse(FigureType.POST_ACTIVITY, "+999999999-01-01", null, Map.of()), "from", "0001-9999");
    }

    @Test
    void aWindowLongerThanTheRetentionSaysTheRetention() {
        assertBad(() -> parse(FigureType.POST_ACTIVITY, "2024-01-01", "2026-01-01", Map.of()), "from",
                "retention of 365 days");
        // only from: the window runs to now
        assertBad(() -> parse(FigureType.POST_ACTIVITY, "2025-01-01", null, Map.of()), "from", "retention");
        assertThat(parse(FigureType.POST_ACTIVITY, "2025-07-01", null, Map.of()).from()).isPresent();
    }

    @Test
    void responseTimesAcceptAllAsANetwork() {
        assertThat(parse(FigureType.RESPONSE_TIMES, null, null, Map.of("network", "ALL")).filters())
                .containsEntry("network", "ALL");
    }

    private static FigureFilter parse(FigureType type, String from, String to, Map<String, String> filters) {
        return FigureFilter.parse(type, from, to, new LinkedHashMap<>(filters), YEAR, NOW);
    }

    private static void assertBad(Runnable call, String field, String says) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo(field);
                assertThat(v.message()).contains(says);
            });
        });
    }

    private static ObjectNode row(String... fields) {
        ObjectNode row = EventJson.mapper().createObjectNode();
        for (int i = 0; i < fields.length; i += 2) {
            row.put(fields[i], fields[i + 1]);
        }
        return row;
    }
}
