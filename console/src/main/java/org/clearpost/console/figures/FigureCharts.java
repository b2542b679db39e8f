package org.clearpost.console.figures;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.clearpost.console.web.Words;

/**
 * Analytics' figure rows (JSON, as {@code GET /figures/{name}} gives them) turned into the page's charts and tables.
 * Nothing is counted again: rows of one day and network (several accounts, campaigns or hours) are only added up.
 */
public final class FigureCharts {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The counts of post-activity a chart can show, with their words. */
    public static final Map<String, String> POST_MEASURES = postMeasures();

    /** The networks in the order every screen lists them. */
    static final List<String> NETWORK_ORDER = List.of("X", "FACEBOOK", "LINKEDIN", "YOUTUBE", "FLICKR",
            "SOUNDCLOUD", "BLUESKY", "MASTODON", "THREADS");

    private static final double SECONDS_AN_HOUR = 3600;

    private FigureCharts() {
    }

    /** post-activity: one of its counts ({@code drafted}, {@code published}, ...) per London day and network. */
    public static Chart postsPerNetworkAndDay(List<JsonNode> rows, String measure, DateRange range) {
        String words = POST_MEASURES.getOrDefault(measure, measure);
        return perDayAndNetwork("posts-chart", "Posts " + words.toLowerCase(java.util.Locale.UK)
                + ", per network and day", rows, row -> LocalDate.parse(row.path("day").asText()),
                row -> row.path(measure).asDouble(), "posts", range);
    }

    /** mentions-hourly with {@code dimension=network}: the hours of each London day added up, per network. */
    public static Chart mentionsPerNetworkAndDay(List<JsonNode> rows, DateRange range) {
        return perDayAndNetwork("mentions-chart", "Mentions received, per network and day", rows,
                row -> Instant.parse(row.path("hourStart").asText()).atZone(LONDON).toLocalDate(),
                row -> row.path("mentions").asDouble(), "mentions", range);
    }

    /**
     * clearance-turnaround's summary (one row per route, merged over the range): the median and 90th percentile of
     * business time from submission to decision, in hours.
     */
    public static Chart turnaroundPerRoute(List<JsonNode> summary) {
        List<JsonNode> routes = new ArrayList<>(summary);
        routes.sort(Comparator.comparing(r -> r.path("route").asText()));
        List<String> labels = routes.stream().map(r -> Words.of(r.path("route").asText())).toList();
        return new Chart("turnaround-chart", "Clearance turnaround per route, business hours", "bar", "Route",
                "business hours", false, false, labels, List.of(
                        new Chart.Series("Median", hours(routes, "p50")),
                        new Chart.Series("90th percentile", hours(routes, "p90")),
                        new Chart.Series("Longest", hours(routes, "max"))));
    }

    /** The decisions behind the turnaround chart, per route: the table beside it has these too. */
    public static Chart decisionsPerRoute(List<JsonNode> summary) {
        List<JsonNode> routes = new ArrayList<>(summary);
        routes.sort(Comparator.comparing(r -> r.path("route").asText()));
        List<String> labels = routes.stream().map(r -> Words.of(r.path("route").asText())).toList();
        List<Chart.Series> series = new ArrayList<>();
        for (var count : Map.of("cleared", "Cleared", "rejected", "Rejected", "changesRequested",
                "Changes requested", "overdue", "Went overdue").entrySet().stream()
                .sorted(Comparator.comparing(e -> List.of("cleared", "rejected", "changesRequested", "overdue")
                        .indexOf(e.getKey()))).toList()) {
            series.add(new Chart.Series(count.getValue(),
                    routes.stream().map(r -> r.path(count.getKey()).asDouble()).toList()));
        }
        return new Chart("decisions-chart", "Clearance decisions per route", "bar", "Route", "decisions", false,
                false, labels, series);
    }

    /** The name a CSV download is saved under: {@code post-activity-from-2026-11-03-to-2026-12-02.csv}
     * (only dates that are dates go into it: the name is a header). */
    public static String csvFileName(String figure, boolean summary, String from, String to) {
        String name = figure.replaceAll("[^a-z0-9-]", "") + (summary ? "-summary" : "");
        if (from != null && from.matches("\\d{4}-\\d{2}-\\d{2}")) {
            name += "-from-" + from;
        }
        if (to != null && to.matches("\\d{4}-\\d{2}-\\d{2}")) {
            name += "-to-" + to;
        }
        return name + ".csv";
    }

    private static List<Double> hours(List<JsonNode> routes, String percentile) {
        return routes.stream().map(r -> Math.round(r.path("businessSeconds").path(percentile).asDouble()
                / SECONDS_AN_HOUR * 10) / 10.0).toList();
    }

    private static Chart perDayAndNetwork(String id, String title, List<JsonNode> rows,
            Function<JsonNode, LocalDate> dayOf, Function<JsonNode, Double> valueOf, String unit, DateRange range) {
        Map<String, Map<LocalDate, Double>> byNetwork = new TreeMap<>(Comparator
                .comparing((String n) -> NETWORK_ORDER.indexOf(n) < 0 ? Integer.MAX_VALUE : NETWORK_ORDER.indexOf(n))
                .thenComparing(Comparator.naturalOrder()));
        TreeSet<LocalDate> days = new TreeSet<>(range.everyDay());
        for (JsonNode row : rows) {
            LocalDate day = dayOf.apply(row);
            if (day.isBefore(range.from()) || day.isAfter(range.to())) {
                continue; // an hour of the day before, say: not this range's
            }
            days.add(day);
            byNetwork.computeIfAbsent(row.path("network").isMissingNode() ? row.path("value").asText()
                    : row.path("network").asText(), n -> new LinkedHashMap<>()).merge(day, valueOf.apply(row),
                            Double::sum);
        }
        List<String> labels = days.stream().map(DateRange::shortDay).toList();
        List<Chart.Series> series = new ArrayList<>();
        byNetwork.forEach((network, perDay) -> series.add(new Chart.Series(Words.network(network),
                days.stream().map(d -> perDay.getOrDefault(d, 0.0)).toList())));
        return new Chart(id, title, "bar", "Day", unit, true, true, labels, series);
    }

    private static Map<String, String> postMeasures() {
        Map<String, String> measures = new LinkedHashMap<>();
        measures.put("drafted", "Submitted for clearance");
        measures.put("cleared", "Cleared");
        measures.put("published", "Published");
        measures.put("rejected", "Rejected");
        measures.put("changesRequested", "Sent back for changes");
        measures.put("failed", "Failed to publish");
        return measures;
    }
}
