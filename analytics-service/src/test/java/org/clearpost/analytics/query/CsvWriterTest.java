package org.clearpost.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.events.EventJson;
import org.clearpost.events.Network;
import org.clearpost.events.figures.CampaignReport;
import org.clearpost.events.figures.ClearanceTurnaround;
import org.clearpost.events.figures.EngagementTotals;
import org.clearpost.events.figures.Percentiles;
import org.clearpost.events.figures.PreElectionReport;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void quotesByRfc4180AndFlattensNestedRecords() {
        ClearanceTurnaround row = new ClearanceTurnaround("press, \"urgent\"", LocalDate.parse("2026-05-04"), 3, 2, 1,
                0, 0, new Percentiles(3, 60, 90, 100), Percentiles.NONE, "abc", "def",
                Instant.parse("2026-05-05T10:00:00Z"));
        String csv = CsvWriter.write(List.of(tree(row)));
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("route,weekStart,decisions,cleared,rejected,changesRequested,overdue,"
                + "businessSeconds.count,businessSeconds.p50,businessSeconds.p90,businessSeconds.max,");
        assertThat(lines[1]).startsWith("\"press, \"\"urgent\"\"\",2026-05-04,3,2,1,0,0,3,60.0,90.0,100.0,");
        assertThat(csv).endsWith("\r\n");
    }

    @Test
    void mapsBecomeColumnsOverTheUnionOfKeys() {
        String csv = CsvWriter.write(List.of(
                tree(new EngagementTotals("c", Network.X, 1, Map.of("likes", 3L), Instant.EPOCH)),
                tree(new EngagementTotals(null, Network.FACEBOOK, 2, Map.of("post_media_view", 9L), Instant.EPOCH))));
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("campaign,network,posts,metrics.likes,asOf,metrics.post_media_view");
        assertThat(lines[2]).isEqualTo(",FACEBOOK,2,,1970-01-01T00:00:00Z,9");
    }

    @Test
    void aReportWithOneListOfRowsGivesALinePerRowAndTwoListsStayJson() {
        CampaignReport report = new CampaignReport("spring", "Spring", LocalDate.parse("2026-04-01"),
                LocalDate.parse("2026-04-30"), List.of(new CampaignReport.Row(Network.X, "a", 2, 0, 10, 3, 1),
                        new CampaignReport.Row(Network.FACEBOOK, "b", 1, 1, 5, 2, 0)), Instant.EPOCH);
        String[] lines = CsvWriter.write(List.of(tree(report))).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("slug,name,startsOn,endsOn,asOf,rows.network,rows.account,rows.posts,"
                + "rows.corporateShares,rows.reach,rows.engagements,rows.linkClicks");
        assertThat(lines[2]).isEqualTo("spring,Spring,2026-04-01,2026-04-30,1970-01-01T00:00:00Z,FACEBOOK,b,1,1,5,2,0");

        PreElectionReport period = new PreElectionReport(UUID.randomUUID(), "GE", "GENERAL", "national",
                Instant.EPOCH, Instant.EPOCH, false, 1, 1, 1, 0, 0,
                List.of(new PreElectionReport.Exemption(UUID.randomUUID(), 1, "public safety", "lee", "ok", Instant.EPOCH)),
                List.of(new PreElectionReport.Refusal(UUID.randomUUID(), 1, List.of("a", "b"), "dana", Instant.EPOCH)),
                Instant.EPOCH);
        String[] periodLines = CsvWriter.write(List.of(tree(period))).split("\r\n");
        assertThat(periodLines).hasSize(2);
        assertThat(periodLines[1]).contains("\"[{\"\"postId\"\"");
    }

    private static ObjectNode tree(Object row) {
        return EventJson.mapper().valueToTree(row);
    }
}
