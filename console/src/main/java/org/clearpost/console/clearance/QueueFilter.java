package org.clearpost.console.clearance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearpost.console.gateway.ServiceClient;

/**
 * The queue's filters, as the clearer chose them in the form, passed on to clearance's {@code GET /clearances}. Only
 * values clearance knows are passed on (a value it cannot convert would be a bare 404 there); anything else is
 * treated as "any", so a hand-edited URL still shows a queue.
 */
public record QueueFilter(String status, String route, String network, String flagged, String overdue) {

    static final Map<String, String> STATUSES = ordered("PENDING", "Waiting", "CLEARED", "Approved", "REJECTED",
            "Rejected", "CHANGES_REQUESTED", "Changes requested", "WITHDRAWN", "Withdrawn");
    static final Map<String, String> ROUTES = ordered("", "Any route", "normal", "Normal", "live", "Live event",
            "crisis", "Crisis", "pre-election", "Pre-election");
    static final Map<String, String> NETWORKS = ordered("", "Any network", "X", "X", "FACEBOOK", "Facebook",
            "LINKEDIN", "LinkedIn", "YOUTUBE", "YouTube", "FLICKR", "Flickr", "SOUNDCLOUD", "SoundCloud", "BLUESKY",
            "Bluesky", "MASTODON", "Mastodon", "THREADS", "Threads");
    static final Map<String, String> YES_ANY = ordered("", "Any", "true", "Yes", "false", "No");

    /** A choice in one of the form's selects. */
    public record Option(String value, String label, boolean selected) {
    }

    public QueueFilter {
        status = known(STATUSES, status, "PENDING");
        route = known(ROUTES, route, "");
        network = known(NETWORKS, network, "");
        flagged = known(YES_ANY, flagged, "");
        overdue = known(YES_ANY, overdue, "");
    }

    /** The query for clearance's {@code GET /clearances}. */
    String query() {
        return ServiceClient.query("status", status, "route", route, "network", network, "flagged", flagged,
                "overdue", overdue, "size", 200);
    }

    public boolean isWaiting() {
        return "PENDING".equals(status);
    }

    public String statusLabel() {
        return STATUSES.get(status);
    }

    public List<Option> statusOptions() {
        return options(STATUSES, status);
    }

    public List<Option> routeOptions() {
        return options(ROUTES, route);
    }

    public List<Option> networkOptions() {
        return options(NETWORKS, network);
    }

    public List<Option> flaggedOptions() {
        return options(YES_ANY, flagged);
    }

    public List<Option> overdueOptions() {
        return options(YES_ANY, overdue);
    }

    private static List<Option> options(Map<String, String> choices, String chosen) {
        List<Option> out = new ArrayList<>();
        choices.forEach((value, label) -> out.add(new Option(value, label, value.equals(chosen))));
        return out;
    }

    private static String known(Map<String, String> choices, String value, String otherwise) {
        return value != null && choices.containsKey(value) ? value : otherwise;
    }

    private static Map<String, String> ordered(String... valuesAndLabels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < valuesAndLabels.length; i += 2) {
            map.put(valuesAndLabels[i], valuesAndLabels[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
