package org.clearpost.console.clearance;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** One case in the clearer's queue: what the table shows of it. */
public record QueueRow(ClearanceCase clearance, Due due, String excerpt, List<String> networks) {

    /** How much of the base text the table shows before an ellipsis. */
    static final int EXCERPT = 120;

    /**
     * Soonest due first, cases without a due time last, then the earliest submitted: the order clearance gives, kept
     * here so the screen does not depend on a page of results arriving sorted.
     */
    static final Comparator<ClearanceCase> SOONEST_DUE = Comparator
            .comparing(ClearanceCase::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ClearanceCase::submittedAt, Comparator.nullsLast(Comparator.naturalOrder()));

    public static List<QueueRow> of(List<ClearanceCase> cases, Instant now) {
        return cases.stream().sorted(SOONEST_DUE).map(c -> of(c, now)).toList();
    }

    static QueueRow of(ClearanceCase c, Instant now) {
        LinkedHashSet<String> networks = new LinkedHashSet<>();
        for (ClearanceCase.Target t : c.targets()) {
            networks.add(networkName(t.network()));
        }
        return new QueueRow(c, Due.of(c.dueAt(), c.overdue(), now), excerpt(c.text()), List.copyOf(networks));
    }

    /** Whether any row is overdue: the page then says so above the table. */
    public static int overdueCount(List<QueueRow> rows) {
        return (int) rows.stream().filter(r -> r.due().overdue()).count();
    }

    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        if (oneLine.length() <= EXCERPT) {
            return oneLine;
        }
        int cut = oneLine.lastIndexOf(' ', EXCERPT);
        return oneLine.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT) + "…";
    }

    /** The network's name as people write it, as the filter names it. */
    static String networkName(String network) {
        if (network == null || network.isBlank()) {
            return "";
        }
        return QueueFilter.NETWORKS.getOrDefault(network.toUpperCase(Locale.ROOT), network);
    }
}
