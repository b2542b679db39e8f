package org.clearpost.console.figures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureChartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateRange THREE_DAYS = new DateRange(LocalDate.parse("2026-11-30"),
            LocalDate.parse("2026-12-02"));

    @Test
    void postActivityIsAddedUpPerDayAndNetworkWithQuietDaysAsZero() throws Exception {
        List<JsonNode> rows = rows("""
                [{"day":"2026-11-30","network":"X","account":"a","drafted":2,"published":1},
                 {"day":"2026-11-30","network":"X","account":"b","drafted":3,"published":0},
                 {"day":"2026-12-02","network":"FACEBOOK","account":"p","drafted":1,"published":1},
                 {"day":"2026-12-02","network":"X","account":"a","campaign":"c","drafted":4,"published":2}]""");

        Chart chart = FigureCharts.postsPerNetworkAndDay(rows, "drafted", THREE_DAYS);

        assertThat(chart.labels()).containsExactly("30 Nov 2026", "1 Dec 2026", "2 Dec 2026");
        // X before Facebook: every screen lists networks in one order
        assertThat(chart.series()).extracting(Chart.Series::name).containsExactly("X", "Facebook");
        assertThat(chart.series().get(0).values()).containsExactly(5.0, 0.0, 4.0);
        assertThat(chart.series().get(1).values()).containsExactly(0.0, 0.0, 1.0);
        assertThat(chart.getRows()).extracting(Chart.Row::label, Chart.Row::cells, Chart.Row::total).containsExactly(
                org.assertj.core.groups.Tuple.tuple("30 Nov 2026", List.of("5", "0"), "5"),
                org.assertj.core.groups.Tuple.tuple("1 Dec 2026", List.of("0", "0"), "0"),
                org.assertj.core.groups.Tuple.tuple("2 Dec 2026", List.of("4", "1"), "5"));
        assertThat(chart.getGrandTotal()).isEqualTo(10.0);
        assertThat(chart.title()).isEqualTo("Posts submitted for clearance, per network and day");

        Chart published = FigureCharts.postsPerNetworkAndDay(rows, "published", THREE_DAYS);
        assertThat(published.getGrandTotal()).isEqualTo(4.0);
    }

    @Test
    void mentionHoursFallOnTheirLondonDayAndHoursOutsideTheRangeAreLeftOut() throws Exception {
        // 23:30 UTC on 30 November is still 30 November in London (GMT); in summer it would be the next day
        List<JsonNode> rows = rows("""
                [{"hourStart":"2026-11-30T23:00:00Z","dimension":"network","value":"MASTODON","mentions":3},
                 {"hourStart":"2026-11-30T09:00:00Z","dimension":"network","value":"MASTODON","mentions":2},
                 {"hourStart":"2026-12-01T10:00:00Z","dimension":"network","value":"X","mentions":7},
                 {"hourStart":"2026-11-29T10:00:00Z","dimension":"network","value":"X","mentions":100}]""");

        Chart chart = FigureCharts.mentionsPerNetworkAndDay(rows, THREE_DAYS);

        assertThat(chart.series()).extracting(Chart.Series::name).containsExactly("X", "Mastodon");
        assertThat(chart.series().get(0).values()).containsExactly(0.0, 7.0, 0.0);
        assertThat(chart.series().get(1).values()).containsExactly(5.0, 0.0, 0.0);
    }

    @Test
    void aLongRangeShowsOnlyTheDaysWithFigures() throws Exception {
        DateRange year = new DateRange(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));
        Chart chart = FigureCharts.postsPerNetworkAndDay(rows("""
                [{"day":"2026-03-01","network":"X","drafted":1},{"day":"2026-07-01","network":"X","drafted":2}]"""),
                "drafted", year);
        assertThat(chart.labels()).containsExactly("1 Mar 2026", "1 Jul 2026");
    }

    @Test
    void turnaroundIsInBusinessHoursPerRouteWithoutATotal() throws Exception {
        List<JsonNode> summary = rows("""
                [{"route":"NORMAL","decisions":4,"cleared":3,"rejected":1,"changesRequested":0,"overdue":1,
                  "businessSeconds":{"count":4,"p50":5400,"p90":36000,"max":40000}},
                 {"route":"CRISIS","decisions":1,"cleared":1,"rejected":0,"changesRequested":0,"overdue":0,
                  "businessSeconds":{"count":1,"p50":600,"p90":600,"max":600}}]""");

        Chart chart = FigureCharts.turnaroundPerRoute(summary);

        assertThat(chart.labels()).containsExactly("Crisis", "Normal");
        assertThat(chart.series()).extracting(Chart.Series::name).containsExactly("Median", "90th percentile",
                "Longest");
        assertThat(chart.series().get(0).values()).containsExactly(0.2, 1.5);
        assertThat(chart.series().get(1).values()).containsExactly(0.2, 10.0);
        assertThat(chart.getRows().get(1).cells()).containsExactly("1.5", "10", "11.1");
        assertThat(chart.getRows().get(1).total()).isNull();

        Chart decisions = FigureCharts.decisionsPerRoute(summary);
        assertThat(decisions.series()).extracting(Chart.Series::name).containsExactly("Cleared", "Rejected",
                "Changes requested", "Went overdue");
        assertThat(decisions.getRows().get(1).cells()).containsExactly("3", "1", "0", "1");
    }

    @Test
    void theChartJsonCarriesExactlyTheTablesNumbers() throws Exception {
        Chart chart = FigureCharts.postsPerNetworkAndDay(rows("""
                [{"day":"2026-12-01","network":"X","drafted":2}]"""), "drafted", THREE_DAYS);

        JsonNode json = JSON.readTree(chart.getJson());

        assertThat(json.path("type").asText()).isEqualTo("bar");
        assertThat(json.path("stacked").asBoolean()).isTrue();
        assertThat(json.path("labels")).hasSize(3);
        assertThat(json.path("series").get(0).path("name").asText()).isEqualTo("X");
        assertThat(json.path("series").get(0).path("values").toString()).isEqualTo("[0.0,2.0,0.0]");
    }

    @Test
    void anEmptyFigureIsAnEmptyChart() {
        assertThat(FigureCharts.postsPerNetworkAndDay(List.of(), "drafted", THREE_DAYS).isEmpty()).isTrue();
        assertThat(FigureCharts.turnaroundPerRoute(List.of()).isEmpty()).isTrue();
    }

    @Test
    void csvFilesAreNamedAfterTheFigureAndTheirDaysOnly() {
        assertThat(FigureCharts.csvFileName("post-activity", false, "2026-11-03", "2026-12-02"))
                .isEqualTo("post-activity-from-2026-11-03-to-2026-12-02.csv");
        assertThat(FigureCharts.csvFileName("clearance-turnaround", true, "2026-11-03", "2026-12-02"))
                .isEqualTo("clearance-turnaround-summary-from-2026-11-03-to-2026-12-02.csv");
        // whatever else comes in the query never reaches the header
        assertThat(FigureCharts.csvFileName("post-activity", false, "x\"; evil", null)).isEqualTo("post-activity.csv");
    }

    @Test
    void numbersAreShownWholeOrToOneDecimalPlace() {
        assertThat(Chart.shown(12)).isEqualTo("12");
        assertThat(Chart.shown(1234)).isEqualTo("1,234");
        assertThat(Chart.shown(3.25)).isEqualTo("3.3");
    }

    private static List<JsonNode> rows(String json) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree(json).forEach(rows::add);
        return rows;
    }
}
