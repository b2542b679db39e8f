package org.clearpost.console.drafts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clearpost.console.gateway.ServiceClient;

/**
 * The posts screen: the filters as typed, drafting's query for them, one page of rows and the pages around it.
 *
 * @param page from 0, as drafting counts
 */
public record PostListing(String status, String network, String campaign, String text, int page, int size,
        long total, List<Row> rows) {

    /** The post statuses drafting filters by, in the order a post goes through them. */
    public static final List<String> STATUSES = List.of("DRAFT", "IN_CLEARANCE", "CHANGES_REQUESTED", "CLEARED",
            "SCHEDULED", "PUBLISHING", "PUBLISHED", "PARTLY_PUBLISHED", "REJECTED", "FAILED", "WITHDRAWN");
    public static final int SIZE = 20;

    /** One post in the table. */
    public record Row(String id, String excerpt, List<String> networks, String status, String updated,
            String scheduled) {
        public String statusLabel() {
            return StatusTag.label(status);
        }

        public String statusClass() {
            return StatusTag.cssClass(status);
        }
    }

    /** The filters as the query string gave them: unknown statuses and networks are dropped, not sent. */
    public static PostListing filters(String status, String network, String campaign, String text, Integer page) {
        // List.of(...).contains(null) throws: a filter left out is null.
        return new PostListing(status != null && STATUSES.contains(status) ? status : null,
                network != null && ComposeForm.NETWORKS.contains(network) ? network : null, blankToNull(campaign), blankToNull(text),
                page == null || page < 0 ? 0 : page, SIZE, 0, List.of());
    }

    /** Drafting's {@code GET /posts} for these filters. */
    public String query() {
        return "/posts" + ServiceClient.query("status", status, "network", network, "campaign", campaign, "text", text,
                "page", page, "size", size);
    }

    /** The same filters with drafting's answer: its page of posts and the total in {@code X-Total-Count}. */
    public PostListing with(JsonNode posts, long total) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode p : posts) {
            Set<String> networks = new LinkedHashSet<>();
            p.path("targets").forEach(t -> networks.add(ComposeForm.networkName(t.path("network").asText())));
            rows.add(new Row(p.path("id").asText(), excerpt(p.path("text").asText(""), 90), List.copyOf(networks),
                    p.path("status").asText(), London.format(instant(p.path("updatedAt"))),
                    p.hasNonNull("scheduledFor") ? London.formatLocal(p.get("scheduledFor").asText()) : null));
        }
        return new PostListing(status, network, campaign, text, page, size, total, rows);
    }

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    /** The console's own URL of another page with the same filters. */
    public String pageUrl(int to) {
        return "/posts" + ServiceClient.query("status", status, "network", network, "campaign", campaign,
                "text", text, "page", to == 0 ? null : to);
    }

    public String previousUrl() {
        return pageUrl(page - 1);
    }

    public String nextUrl() {
        return pageUrl(page + 1);
    }

    /** "Showing 21 to 40 of 57 posts". */
    public String showing() {
        if (total == 0) {
            return "No posts match";
        }
        long first = (long) page * size + 1;
        long last = Math.min(total, first + rows.size() - 1);
        return "Showing " + first + " to " + last + " of " + total + (total == 1 ? " post" : " posts");
    }

    public List<String> statuses() {
        return STATUSES;
    }

    public List<String> networks() {
        return ComposeForm.NETWORKS;
    }

    public String networkName(String n) {
        return ComposeForm.networkName(n);
    }

    public String statusLabel(String s) {
        return StatusTag.label(s);
    }

    static String excerpt(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        return flat.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }

    private static Instant instant(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? null : Instant.parse(value.asText());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
