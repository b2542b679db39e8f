package org.clearpost.console.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.clearpost.console.preview.TargetPreview;
import org.junit.jupiter.api.Test;

class PreviewsTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void drafingsPreviewBecomesOnePreviewPerTargetWithItsOwnIssuesAndTheCounterThatIsOver() throws Exception {
        List<TargetPreview> previews = Previews.ofPreview(json("""
                {"targets":[
                  {"id":"t1","network":"X","account":"clearpost_demo",
                   "rendered":{"text":"Hello there","threadParts":["Two"],"title":null,"firstComment":null},
                   "media":[{"mediaId":"m1","contentType":"image/png","altText":"A chart"}],
                   "counters":[{"field":"targets[0].text","used":290,"limit":280,"unit":"weighted characters","over":true},
                               {"field":"targets[0].threadParts[0]","used":3,"limit":280,"unit":"weighted characters","over":false}],
                   "problems":[{"targetId":"t1","field":"targets[0].text","code":"TOO_LONG","severity":"ERROR",
                                "start":6,"end":11,"message":"Too long for X"}],
                   "warnings":[{"targetId":"t1","field":"targets[0].text","code":"reading-age","severity":"WARNING",
                                "start":null,"end":null,"message":"Hard to read"}]},
                  {"id":"t2","network":"BLUESKY","account":"ico.bsky.social",
                   "rendered":{"text":"Hello there","threadParts":[]},
                   "counters":[{"field":"targets[1].text","used":11,"limit":300,"unit":"characters (graphemes)","over":false},
                               {"field":"targets[1].text","used":3001,"limit":3000,"unit":"bytes (UTF-8)","over":true}],
                   "problems":[],"warnings":[]}]}"""));

        TargetPreview x = previews.get(0);
        assertThat(x.index()).isZero();
        assertThat(x.text()).isEqualTo("Hello there");
        assertThat(x.threadParts()).containsExactly("Two");
        assertThat(x.counter()).isEqualTo(new TargetPreview.Counter(290, 280, "weighted characters"));
        assertThat(x.counter().isOver()).isTrue();
        assertThat(x.issues()).extracting(TargetPreview.Issue::code).containsExactly("TOO_LONG", "reading-age");
        assertThat(x.segments(x.textField(), x.text())).extracting(TargetPreview.Segment::text)
                .containsExactly("Hello ", "there");
        assertThat(x.media()).singleElement().satisfies(m -> {
            assertThat(m.url()).isEqualTo("/api/drafting/media/m1/content");
            assertThat(m.isImage()).isTrue();
        });
        // Bluesky: of its two counters, the one over its limit is the one shown.
        assertThat(previews.get(1).counter().unit()).isEqualTo("bytes (UTF-8)");
        assertThat(previews.get(1).index()).isEqualTo(1);
    }

    @Test
    void aSavedPostShowsEachTargetsStatusLinkAndOnlyItsOwnIssues() throws Exception {
        List<TargetPreview> previews = Previews.ofPost(json("""
                {"text":"Base","targets":[
                  {"id":"a","network":"X","account":"x1","status":"PUBLISHED","url":"https://x.com/x1/status/1",
                   "rendered":{"text":"Base x","threadParts":[]}},
                  {"id":"b","network":"FACEBOOK","account":"f1","status":"IN_CLEARANCE","url":null,"rendered":null}],
                 "problems":[{"targetId":"b","field":"targets[1].text","code":"X","severity":"INFO","message":"m"}],
                 "warnings":[]}"""));
        assertThat(previews.get(0).status()).isEqualTo("PUBLISHED");
        assertThat(previews.get(0).url()).isEqualTo("https://x.com/x1/status/1");
        assertThat(previews.get(0).issues()).isEmpty();
        assertThat(previews.get(1).text()).isEqualTo("Base");
        assertThat(previews.get(1).url()).isNull();
        assertThat(previews.get(1).issues()).hasSize(1);
    }
}
