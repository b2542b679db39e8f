package org.clearpost.monitoring.x;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class XPostsTest {

    @Test
    void aPostIsKeyedByItsFirstVersion() {
        XPosts.Line line = XPosts.read("{\"data\":{\"text\":\"x\",\"edit_history_tweet_ids\":[\"100\",\"205\"],"
                + "\"entities\":{\"mentions\":[{\"id\":\"9\"}]},\"id\":\"205\"},\"includes\":{\"users\":[{\"id\":\"1\"}]},"
                + "\"matching_rules\":[{\"id\":\"7\",\"tag\":\"t\"}]}");
        assertThat(line).isEqualTo(new XPosts.Line(XPosts.Kind.POST, 205, "100"));
    }

    @Test
    void aPostWithoutEditHistoryIsKeyedByItsOwnId() {
        assertThat(XPosts.read("{\"data\":{\"id\":\"42\",\"text\":\"x\"}}"))
                .isEqualTo(new XPosts.Line(XPosts.Kind.POST, 42, "42"));
    }

    @Test
    void xsInStreamErrorsAreToldApartFromUnreadableLines() {
        assertThat(XPosts.read("{\"errors\":[{\"title\":\"operational-disconnect\",\"disconnect_type\":"
                + "\"UpstreamOperationalDisconnect\"}]}").kind()).isEqualTo(XPosts.Kind.ERROR);
        for (String bad : List.of("not json", "[1,2]", "{\"data\":{\"id\":\"12a\"}}", "{\"data\":{\"id\":12}}",
                "{\"data\":{\"id\":\"1\"", "{}")) {
            assertThat(XPosts.read(bad).kind()).as(bad).isEqualTo(XPosts.Kind.UNREADABLE);
        }
    }

    @Test
    void gapQueriesOrTheRulesInPiecesXAccepts() {
        assertThat(XFilteredStreamIntake.orQueries(List.of("(a b)", "(c)", "(\"d e\")"), 512))
                .containsExactly("(a b) OR (c) OR (\"d e\")");
        assertThat(XFilteredStreamIntake.orQueries(List.of("aaaa", "bbbb", "cccc", "x".repeat(20)), 12))
                .containsExactly("aaaa OR bbbb", "cccc");
    }

    @Test
    void timelineCursorsRoundTrip() {
        var cursors = XMentionsTimelineIntake.decode("1=100,2=200");
        assertThat(cursors).containsEntry("1", 100L).containsEntry("2", 200L);
        assertThat(XMentionsTimelineIntake.encode(cursors)).isEqualTo("1=100,2=200");
        assertThat(XMentionsTimelineIntake.decode(null)).isEmpty();
    }
}
