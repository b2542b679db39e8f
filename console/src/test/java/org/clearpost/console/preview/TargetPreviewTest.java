package org.clearpost.console.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.clearpost.console.preview.TargetPreview.Issue;
import org.clearpost.console.preview.TargetPreview.Segment;
import org.junit.jupiter.api.Test;

class TargetPreviewTest {

    private static final String TEXT = "targets[0].text";

    private static TargetPreview preview(String text, Issue... issues) {
        return new TargetPreview(0, "X", "clearpost_demo", text, List.of(), null, null, List.of(),
                new TargetPreview.Counter(text.length(), 280, "weighted characters"), List.of(issues), null, null);
    }

    private static Issue issue(String field, Integer start, Integer end, String code) {
        return new Issue(field, code, "ERROR", start, end, code + " message");
    }

    /** Each run as text, and the issue number it is marked with (0: not marked). */
    private static List<org.assertj.core.groups.Tuple> runs(List<Segment> segments) {
        return segments.stream().map(s -> tuple(s.text(), s.issueNumber())).toList();
    }

    @Test
    void anIssueMarksExactlyItsRun() {
        Issue tooLong = issue(TEXT, 10, 14, "TOO_LONG");
        TargetPreview target = preview("Budget is today at noon", tooLong);

        List<Segment> segments = target.segments(TEXT, target.text());

        assertThat(runs(segments)).containsExactly(tuple("Budget is ", 0), tuple("toda", 1), tuple("y at noon", 0));
        assertThat(segments.get(1).issue()).isSameAs(tooLong);
        assertThat(segments.get(1).isMarked()).isTrue();
        assertThat(segments.get(0).isMarked()).isFalse();
        assertThat(String.join("", segments.stream().map(Segment::text).toList())).isEqualTo(target.text());
    }

    @Test
    void offsetsCountUtf16UnitsAsDraftingGivesThem() {
        // "🇬🇧 " is 5 UTF-16 units (two surrogate pairs and a space); drafting's start 5 is where "vote" begins.
        String text = "🇬🇧 vote 🗳️ now";
        int vote = text.indexOf("vote");
        int ballot = text.indexOf("🗳️");
        assertThat(vote).isEqualTo(5);
        TargetPreview target = preview(text, issue(TEXT, vote, vote + 4, "WORD"),
                issue(TEXT, ballot, ballot + "🗳️".length(), "EMOJI"));

        assertThat(runs(target.segments(TEXT, text))).containsExactly(tuple("🇬🇧 ", 0), tuple("vote", 1),
                tuple(" ", 0), tuple("🗳️", 2), tuple(" now", 0));
    }

    @Test
    void overlappingIssuesDoNotRepeatTextTheEarlierOneWins() {
        Issue first = issue(TEXT, 0, 8, "A");
        Issue second = issue(TEXT, 4, 12, "B");
        Issue inside = issue(TEXT, 5, 7, "C");
        TargetPreview target = preview("abcdefghijklmnop", second, first, inside);

        List<Segment> segments = target.segments(TEXT, target.text());

        // Numbered as the preview lists them (second is 1, first 2); sorted by start when placed.
        assertThat(runs(segments)).containsExactly(tuple("abcdefgh", 2), tuple("ijkl", 1), tuple("mnop", 0));
        assertThat(String.join("", segments.stream().map(Segment::text).toList())).isEqualTo(target.text());
    }

    @Test
    void offsetsOutsideTheTextAreClippedOrLeftOut() {
        String text = "short text";
        TargetPreview target = preview(text,
                issue(TEXT, 6, 400, "PAST_THE_END"),
                issue(TEXT, 50, 60, "BEYOND"),
                issue(TEXT, -3, 2, "BEFORE"),
                issue(TEXT, 4, 4, "EMPTY"),
                issue(TEXT, 8, 3, "BACKWARDS"),
                issue(TEXT, null, null, "UNPLACED"));

        assertThat(runs(target.segments(TEXT, text))).containsExactly(tuple("sh", 3), tuple("ort ", 0),
                tuple("text", 1));
    }

    @Test
    void onlyTheIssuesOfThatField() {
        TargetPreview target = new TargetPreview(1, "X", "clearpost_demo", "the post", List.of("part two"), null,
                null, List.of(), null, List.of(issue("targets[1].threadParts[0]", 5, 8, "PART"),
                        issue("targets[1].text", 0, 3, "TEXT"), issue("targets[0].text", 0, 8, "OTHER_TARGET")),
                null, null);

        assertThat(runs(target.segments(target.textField(), target.text())))
                .containsExactly(tuple("the", 2), tuple(" post", 0));
        assertThat(runs(target.segments(target.threadField(0), "part two")))
                .containsExactly(tuple("part ", 0), tuple("two", 1));
        assertThat(target.textField()).isEqualTo("targets[1].text");
        assertThat(target.threadField(0)).isEqualTo("targets[1].threadParts[0]");
        assertThat(target.partNumber(0)).as("the post itself is part 1").isEqualTo(2);
    }

    @Test
    void noTextNoIssuesAndEmptyText() {
        TargetPreview target = preview("plain");
        assertThat(runs(target.segments(TEXT, "plain"))).containsExactly(tuple("plain", 0));
        assertThat(target.segments(TEXT, null)).isEmpty();
        assertThat(preview("", issue(TEXT, 0, 3, "A")).segments(TEXT, "")).isEmpty();
    }

    @Test
    void theCounterAndTheCardsNames() {
        TargetPreview.Counter over = new TargetPreview.Counter(301, 280, "weighted characters");
        assertThat(over.isOver()).isTrue();
        assertThat(over.getExcess()).isEqualTo(21);
        assertThat(over.getRemaining()).isEqualTo(-21);
        assertThat(new TargetPreview.Counter(280, 280, "weighted characters").isOver()).isFalse();

        TargetPreview facebook = new TargetPreview(0, "FACEBOOK", "100200300400", "x", null, null, null, null, null,
                null, null, null);
        assertThat(facebook.getNetworkName()).isEqualTo("Facebook");
        assertThat(facebook.getId()).isEqualTo("preview-facebook-100200300400");
        assertThat(preview("x").getId()).isEqualTo("preview-x-clearpost_demo");
        assertThat(new TargetPreview(0, "MASTODON", "@news@social.example", "x", null, null, null, null, null, null,
                null, null).getId()).isEqualTo("preview-mastodon--news-social-example");
        assertThat(facebook.hasErrors()).isFalse();
        assertThat(preview("x", issue(TEXT, 0, 1, "A")).hasErrors()).isTrue();
    }
}
