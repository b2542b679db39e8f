package org.clearpost.console.inbox;

import org.clearpost.console.web.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearpost.console.gateway.ServiceClient;

/**
 * The inbox's filters as the person chose them in the form (the page's own query string) and as monitoring's
 * {@code GET /inbox} takes them. The console passes each value on unchecked: monitoring answers a bad one with a 400
 * naming the parameter, which the page shows next to that filter.
 *
 * @param assignee {@code me}, {@code none} (nobody) or blank (anyone)
 * @param page     from 0
 */
public record InboxFilter(String state, String network, String priority, String sentiment, String query,
        String theme, String assignee, boolean overdue, boolean possibleFoi, boolean includeHidden, String label,
        String sort, int page) {

    /** Mentions a page; monitoring allows up to 200. */
    public static final int PAGE_SIZE = 25;

    public static final List<String> STATES = List.of("NEW", "ASSIGNED", "AWAITING_CLEARANCE", "ANSWERED", "CLOSED",
            "NO_RESPONSE_NEEDED");
    public static final List<String> NETWORKS = List.of("X", "FACEBOOK", "LINKEDIN", "YOUTUBE", "FLICKR",
            "SOUNDCLOUD", "BLUESKY", "MASTODON", "THREADS");
    public static final List<String> PRIORITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");
    public static final List<String> SENTIMENTS = List.of("NEGATIVE", "NEUTRAL", "POSITIVE");
    public static final List<String> SORTS = List.of("NEWEST", "DUE", "PRIORITY");

    /** The form's query-parameter names, in the order the form shows them. */
    static final List<String> FIELDS = List.of("state", "network", "priority", "sentiment", "query", "theme",
            "assignee", "overdue", "possibleFoi", "includeHidden", "label", "sort");

    public InboxFilter {
        state = blankToNull(state);
        network = blankToNull(network);
        priority = blankToNull(priority);
        sentiment = blankToNull(sentiment);
        query = blankToNull(query);
        theme = blankToNull(theme);
        assignee = blankToNull(assignee);
        label = blankToNull(label);
        sort = blankToNull(sort);
        page = Math.max(0, page);
    }

    /** The page's query parameters: checkboxes are present ("true") or absent; a bad page number is the first page. */
    public static InboxFilter of(Map<String, String> params) {
        int page;
        try {
            page = Integer.parseInt(params.getOrDefault("page", "0").strip());
        } catch (NumberFormatException e) {
            page = 0;
        }
        return new InboxFilter(params.get("state"), params.get("network"), params.get("priority"),
                params.get("sentiment"), params.get("query"), params.get("theme"), params.get("assignee"),
                checked(params.get("overdue")), checked(params.get("possibleFoi")),
                checked(params.get("includeHidden")), params.get("label"), params.get("sort"), page);
    }

    /** Monitoring's query string for this page: {@code ?state=NEW&assignee=me&page=0&size=25}. */
    public String monitoringQuery() {
        return ServiceClient.query("state", state, "network", network, "priority", priority, "sentiment", sentiment,
                "query", query, "theme", theme, "assignee", assignee, "overdue", overdue ? "true" : null,
                "possibleFoi", possibleFoi ? "true" : null, "includeHidden", includeHidden ? "true" : null,
                "label", label, "sort", sort, "page", page, "size", PAGE_SIZE);
    }

    /** This console page's own link to another page of the same filters. */
    public String pageLink(int toPage) {
        return "/inbox" + ServiceClient.query("state", state, "network", network, "priority", priority,
                "sentiment", sentiment, "query", query, "theme", theme, "assignee", assignee,
                "overdue", overdue ? "true" : null, "possibleFoi", possibleFoi ? "true" : null,
                "includeHidden", includeHidden ? "true" : null, "label", label, "sort", sort,
                "page", toPage == 0 ? null : toPage);
    }

    public boolean isFiltered() {
        return state != null || network != null || priority != null || sentiment != null || query != null
                || theme != null || assignee != null || overdue || possibleFoi || includeHidden || label != null;
    }

    /** The filters in force, in words, for the line above the results ("State: New", "Assigned to: me"). */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        if (state != null) {
            out.add("State: " + Words.of(state));
        }
        if (network != null) {
            out.add("Network: " + Words.network(network));
        }
        if (priority != null) {
            out.add("Priority: " + Words.of(priority));
        }
        if (sentiment != null) {
            out.add("Sentiment: " + Words.of(sentiment));
        }
        if (query != null) {
            out.add("Tracked query");
        }
        if (theme != null) {
            out.add("One theme");
        }
        if (assignee != null) {
            out.add("Assigned to: " + ("none".equals(assignee) ? "nobody" : assignee));
        }
        if (overdue) {
            out.add("Overdue");
        }
        if (possibleFoi) {
            out.add("Possible FOI request");
        }
        if (includeHidden) {
            out.add("Hidden ones included");
        }
        if (label != null) {
            out.add("Label: " + label);
        }
        return out;
    }

    // The choices, for the form's selects (the template cannot read static fields)
    public List<String> getStates() {
        return STATES;
    }

    public List<String> getNetworks() {
        return NETWORKS;
    }

    public List<String> getPriorities() {
        return PRIORITIES;
    }

    public List<String> getSentiments() {
        return SENTIMENTS;
    }

    public List<String> getSorts() {
        return SORTS;
    }

    public String words(String constant) {
        return Words.of(constant);
    }

    public String networkName(String constant) {
        return Words.network(constant);
    }

    public String getPreviousLink() {
        return page > 0 ? pageLink(page - 1) : null;
    }

    public String nextLink(int shownOnThisPage) {
        return shownOnThisPage >= PAGE_SIZE ? pageLink(page + 1) : null;
    }

    public int getPageNumber() {
        return page + 1;
    }

    private static boolean checked(String value) {
        return value != null && ("true".equalsIgnoreCase(value.strip()) || "on".equalsIgnoreCase(value.strip()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
