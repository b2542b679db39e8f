package org.clearpost.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.clearpost.local.Component;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Issue 14's analyst screen: ana sees the figures as charts, each with its numbers in a table, and downloads a figure
 * as CSV through the console (her session; the browser never holds a token).
 */
@ExtendWith(RunningPlatform.Resolver.class)
class FiguresIT {

    @Test
    void anaSeesTheFiguresAsChartsAndTablesAndDownloadsTheCsv(RunningPlatform platform) {
        // Something to count: dana submits a post for X today
        new Journeys(platform).draftedAndSubmitted(Map.of("text", "Figures for the console: our guidance on data "
                + "sharing is updated", "targets", List.of(Map.of("network", "X", "account", "clearpost_demo"))));
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        await().atMost(Journeys.PATIENCE).until(() -> platform.as("ana", Component.ANALYTICS)
                .queryParam("from", today).queryParam("to", today).get("/figures/post-activity").then().extract()
                .jsonPath().getList("drafted", Integer.class), drafted -> drafted != null && !drafted.isEmpty());

        try (Browser browser = platform.browser()) {
            browser.signIn("ana", "/figures");
            // Chart.js drew the chart from the numbers on its canvas
            browser.waitFor(By.cssSelector("canvas#posts-chart[data-drawn]"));
            String table = browser.find(By.id("posts-chart-table")).getText();
            assertThat(table).contains("Day", "X", "Total");
            // the last row is today's; its Total counts dana's post
            assertThat(browser.find(By.xpath("//table[@id='posts-chart-table']//tbody/tr[last()]/td[last()]"))
                    .getText()).matches("[1-9][0-9,]*");
            assertThat(browser.findAll(By.cssSelector("#mentions, #turnaround"))).hasSize(2);
            browser.axe("figures");
            browser.screenshots("figures");

            // The CSV as the browser downloads it: an attachment, analytics' columns, today's X row
            String href = browser.find(By.id("posts-csv")).getAttribute("href");
            @SuppressWarnings("unchecked")
            List<Object> download = (List<Object>) browser.script("return fetch(arguments[0]).then(r => r.text()"
                    + ".then(t => [r.status, r.headers.get('Content-Disposition'), t]))", href);
            assertThat(download.get(0)).isEqualTo(200L);
            assertThat(String.valueOf(download.get(1))).startsWith("attachment;").contains("post-activity-from-")
                    .endsWith("-to-" + today + ".csv\"");
            List<String> lines = Arrays.asList(String.valueOf(download.get(2)).split("\r\n"));
            List<String> header = Arrays.asList(lines.get(0).split(",", -1));
            assertThat(header).contains("day", "network", "account", "drafted", "published");
            List<Map<String, String>> rows = lines.subList(1, lines.size()).stream().map(line -> {
                String[] cells = line.split(",", -1);
                assertThat(cells).as("a row of %s", line).hasSize(header.size());
                return java.util.stream.IntStream.range(0, cells.length).boxed()
                        .collect(java.util.stream.Collectors.toMap(header::get, i -> cells[i]));
            }).toList();
            assertThat(rows).anySatisfy(row -> {
                assertThat(row.get("day")).isEqualTo(today);
                assertThat(row.get("network")).isEqualTo("X");
                assertThat(Long.parseLong(row.get("drafted"))).isPositive();
            });
        }
    }
}
