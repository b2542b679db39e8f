package org.clearpost.events.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clearpost.events.Network;

/**
 * One campaign over its dates: per account and network, the posts published, their reach (impressions), engagements
 * and link clicks (each target's latest sample), and how many were corporate shares of a campaign account's post.
 */
public record CampaignReport(String slug, String name, LocalDate startsOn, LocalDate endsOn, List<Row> rows,
        Instant asOf) implements Figure {

    public CampaignReport {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** @param corporateShares published targets that shared another target of the post (a corporate account's share) */
    public record Row(Network network, String account, long posts, long corporateShares, long reach,
            long engagements, long linkClicks) {
    }

    @Override
    public String key() {
        return slug;
    }
}
