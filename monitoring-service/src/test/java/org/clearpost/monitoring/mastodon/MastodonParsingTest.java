package org.clearpost.monitoring.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small parsers the intake stands on: HTML content, SSE lines, Link headers, rate-limit headers, ids. */
class MastodonParsingTest {

    @Test
    void contentBecomesTheTextAReaderSaw() {
        String html = "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://m.example/@clearpost\" "
                + "class=\"u-url mention\">@<span>clearpost</span></a></span> Bins &amp; recycling &lt;today&gt;?<br />"
                + "Thanks <a href=\"https://m.example/tags/council\" class=\"mention hashtag\" rel=\"tag\">#<span>council"
                + "</span></a></p><p>Pryd mae&#39;r casgliad &#x1F5D1;&quot;</p>";
        assertThat(HtmlText.toPlain(html)).isEqualTo(
                "@clearpost Bins & recycling <today>?\nThanks #council\n\nPryd mae'r casgliad \uD83D\uDDD1\"");
        assertThat(HtmlText.toPlain("<p>a<br>b<BR/>c</p>")).isEqualTo("a\nb\nc");
        assertThat(HtmlText.toPlain(null)).isEmpty();
        // an escaped tag stays text; an unknown entity and a NUL reference are kept as written
        assertThat(HtmlText.toPlain("&lt;p&gt; &bogus; &#0;")).isEqualTo("<p> &bogus; &#0;");
    }

    @Test
    void sseLinesBecomeEventsAndCommentsAreHeartbeats() {
        SseParser parser = new SseParser();
        List<SseParser.Sse> out = new ArrayList<>();
        for (String line : List.of(":)", "event: notification", "data: {\"id\":\"1\"}", "", ":thump", "event:update",
                "data:a", "data: b", "", "", "data: plain", "")) {
            SseParser.Sse sse = parser.feed(line);
            if (sse != null) {
                out.add(sse);
            }
        }
        assertThat(out).containsExactly(new SseParser.Sse(null, ")", true),
                new SseParser.Sse("notification", "{\"id\":\"1\"}", false), new SseParser.Sse(null, "thump", true),
                new SseParser.Sse("update", "a\nb", false), new SseParser.Sse("message", "plain", false));
    }

    @Test
    void linkHeaderGivesEachRelation() {
        String header = "<https://m.example/api/v1/notifications?limit=80&types%5B%5D=mention&max_id=34975535>; rel=\"next\", "
                + "<https://m.example/api/v1/notifications?limit=80&types%5B%5D=mention&min_id=34975861>; rel=\"prev\"";
        assertThat(LinkHeader.rel(header, "prev")).hasValue(
                URI.create("https://m.example/api/v1/notifications?limit=80&types%5B%5D=mention&min_id=34975861"));
        assertThat(LinkHeader.rel(header, "next").orElseThrow().getRawQuery()).endsWith("max_id=34975535");
        assertThat(LinkHeader.rel("<https://m.example/x>; rel=next", "next")).isPresent();
        assertThat(LinkHeader.rel(header, "last")).isEmpty();
        assertThat(LinkHeader.rel(null, "prev")).isEmpty();
    }

    @Test
    void rateLimitWaitsForTheResetOnlyWhenNothingIsLeft() {
        Instant now = Instant.parse("2026-12-01T06:00:00Z");
        RateLimit spent = RateLimit.of(headers(Map.of("X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", "2026-12-01T06:02:30.123456Z")));
        assertThat(spent.waitBeforeNext(now)).isBetween(Duration.ofSeconds(150), Duration.ofSeconds(152));
        RateLimit left = RateLimit.of(headers(Map.of("X-RateLimit-Remaining", "12",
                "X-RateLimit-Reset", "2026-12-01T06:02:30Z")));
        assertThat(left.waitBeforeNext(now)).isZero();
        assertThat(RateLimit.of(headers(Map.of())).waitBeforeNext(now)).isZero();
        // a reset already past never makes it wait
        assertThat(RateLimit.of(headers(Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset",
                "2026-12-01T05:59:00Z"))).waitBeforeNext(now)).isZero();
    }

    @Test
    void idsCompareAsNumbers() {
        assertThat(MastodonIntake.max("999", "1000")).isEqualTo("1000");
        assertThat(MastodonIntake.max(null, "5")).isEqualTo("5");
        assertThat(MastodonIntake.max("113000000000000001", "113000000000000000")).isEqualTo("113000000000000001");
    }

    @Test
    void backoffDoublesUpToItsMaximumAndResets() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(350));
        assertThat(b.next()).isBetween(Duration.ofMillis(80), Duration.ofMillis(100));
        assertThat(b.next()).isBetween(Duration.ofMillis(160), Duration.ofMillis(200));
        assertThat(b.next()).isBetween(Duration.ofMillis(280), Duration.ofMillis(350));
        assertThat(b.next()).isBetween(Duration.ofMillis(280), Duration.ofMillis(350));
        b.reset();
        assertThat(b.next()).isBetween(Duration.ofMillis(80), Duration.ofMillis(100));
    }

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        values.forEach((k, v) -> map.put(k, List.of(v)));
        return HttpHeaders.of(map, (k, v) -> true);
    }
}
