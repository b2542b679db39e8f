package org.clearpost.analytics.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tdunning.math.stats.MergingDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clearpost.analytics.sketch.Digests;
import org.clearpost.events.EventJson;
import org.clearpost.events.figures.FigureType;
import org.clearpost.events.figures.Percentiles;

/**
 * Merged views over a range of weeks: the weekly rows of a figure with t-digests, grouped (per route, per network),
 * counts summed and digests merged, so p50/p90 are those of the whole range, not an average of weekly percentiles
 * (which would be wrong whenever weeks differ in volume).
 */
public final class Summaries {

    /** The figures that have a merged view, and what their rows are grouped by. */
    public static final Map<FigureType, String> GROUPED_BY = Map.of(
            FigureType.CLEARANCE_TURNAROUND, "route",
            FigureType.RESPONSE_TIMES, "network");

    private static final Map<FigureType, List<String>> COUNTS = Map.of(
            FigureType.CLEARANCE_TURNAROUND, List.of("decisions", "cleared", "rejected", "changesRequested", "overdue"),
            FigureType.RESPONSE_TIMES, List.of("answered", "withinSla"));

    /** digest field → the percentiles it is shown as */
    private static final Map<FigureType, Map<String, String>> DIGESTS = Map.of(
            FigureType.CLEARANCE_TURNAROUND, Map.of("digest", "businessSeconds", "wallClockDigest", "wallClockSeconds"),
            FigureType.RESPONSE_TIMES, Map.of("digest", "businessSeconds"));

    private Summaries() {
    }

    /**
     * One row per group over all {@code rows}: the group, the first and last week, the summed counts and the merged
     * percentiles (count, p50, p90, max).
     */
    public static List<ObjectNode> merge(FigureType type, List<ObjectNode> rows) {
        String group = GROUPED_BY.get(type);
        Map<String, List<ObjectNode>> groups = new TreeMap<>();
        for (ObjectNode row : rows) {
            groups.computeIfAbsent(row.path(group).asText("-"), g -> new ArrayList<>()).add(row);
        }
        List<ObjectNode> merged = new ArrayList<>();
        groups.forEach((value, members) -> {
            ObjectNode out = EventJson.mapper().createObjectNode();
            out.put(group, value);
            out.put("fromWeek", members.stream().map(r -> r.path("weekStart").asText()).min(String::compareTo)
                    .orElse(null));
            out.put("toWeek", members.stream().map(r -> r.path("weekStart").asText()).max(String::compareTo)
                    .orElse(null));
            out.put("weeks", members.size());
            for (String count : COUNTS.get(type)) {
                out.put(count, members.stream().mapToLong(r -> r.path(count).asLong()).sum());
            }
            DIGESTS.get(type).forEach((digestField, shownAs) -> {
                MergingDigest digest = Digests.merge(members.stream().map(r -> r.path(digestField))
                        .filter(JsonNode::isTextual).map(JsonNode::asText).toList());
                Percentiles percentiles = Digests.percentiles(digest);
                out.set(shownAs, EventJson.mapper().valueToTree(percentiles));
                out.put(digestField, Digests.write(digest));
            });
            merged.add(out);
        });
        return merged;
    }
}
