package org.clearpost.monitoring.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.clearpost.events.Network;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.UnparseableItemException;
import org.junit.jupiter.api.Test;

/** commentThread resources as the Data API documents them, as mentions; the poller's cursor and interval rules. */
class YouTubeNormaliserTest {

    static final String THREAD = """
            {"kind":"youtube#commentThread","etag":"e1","id":"UgzDE2tasfmrYLyNkGt4AaABAg",
             "snippet":{"channelId":"UCbody","videoId":"dQw4w9WgXcQ",
               "topLevelComment":{"kind":"youtube#comment","etag":"e2","id":"UgzDE2tasfmrYLyNkGt4AaABAg",
                 "snippet":{"channelId":"UCbody","videoId":"dQw4w9WgXcQ",
                   "textDisplay":"When are bins &amp; recycling? <a href=\\"https://www.youtube.com/hashtag/council\\">#council</a>",
                   "textOriginal":"When are bins & recycling? #council @clearpost",
                   "authorDisplayName":"@carysjones","authorChannelUrl":"http://www.youtube.com/@carysjones",
                   "authorChannelId":{"value":"UCcarys"},"canRate":true,"viewerRating":"none","likeCount":2,
                   "publishedAt":"2026-11-30T10:15:00Z","updatedAt":"2026-11-30T10:16:00Z"}},
               "canReply":true,"totalReplyCount":0,"isPublic":true}}""";

    private final YouTubeNormaliser normaliser = new YouTubeNormaliser(new ObjectMapper());
    private final Instant delivered = Instant.parse("2026-11-30T10:15:20Z");

    @Test
    void aThreadIsOneMentionOfItsTopLevelComment() throws Exception {
        assertThat(normaliser.normalise(item(THREAD))).singleElement().satisfies(m -> {
            assertThat(m.network()).isEqualTo(Network.YOUTUBE);
            assertThat(m.externalId()).isEqualTo("UgzDE2tasfmrYLyNkGt4AaABAg");
            assertThat(m.account()).isEqualTo("UCbody");
            assertThat(m.authorId()).isEqualTo("UCcarys");
            assertThat(m.authorHandle()).isEqualTo("carysjones");
            assertThat(m.text()).isEqualTo("When are bins & recycling? #council @clearpost");
            assertThat(m.url()).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzDE2tasfmrYLyNkGt4AaABAg");
            assertThat(m.hashtags()).containsExactly("council");
            assertThat(m.mentionedHandles()).containsExactly("clearpost");
            assertThat(m.mentionedAt()).isEqualTo(Instant.parse("2026-11-30T10:15:00Z"));
            assertThat(m.deliveredAt()).isEqualTo(delivered);
        });
        String htmlOnly = THREAD.replace("\"textOriginal\":\"When are bins & recycling? #council @clearpost\",", "");
        assertThat(normaliser.normalise(item(htmlOnly)).get(0).text()).isEqualTo("When are bins & recycling? #council");
    }

    @Test
    void whatIsNotACommentThreadIsUnparseable() {
        assertThatThrownBy(() -> normaliser.normalise(item("nope"))).isInstanceOf(UnparseableItemException.class);
        assertThatThrownBy(() -> normaliser.normalise(item("{\"id\":\"x\"}"))).isInstanceOf(UnparseableItemException.class);
        assertThatThrownBy(() -> normaliser.normalise(item(THREAD.replace("2026-11-30T10:15:00Z", "soon"))))
                .isInstanceOf(UnparseableItemException.class).hasMessageContaining("publishedAt");
    }

    @Test
    void theCursorKeepsEveryIdOfItsSecond() {
        Instant t = Instant.parse("2026-11-30T10:15:00Z");
        CommentCursor c = new CommentCursor(t, Set.of("a")).after(t, "b").after(t.minusSeconds(1), "old");
        assertThat(c.ids()).containsExactlyInAnyOrder("a", "b");
        CommentCursor parsed = CommentCursor.parse(c.format());
        assertThat(parsed.publishedAt()).isEqualTo(t);
        assertThat(parsed.seen(t, "a")).isTrue();
        assertThat(parsed.seen(t, "c")).isFalse();
        assertThat(parsed.after(t.plusSeconds(1), "n").ids()).containsExactly("n");
        assertThatThrownBy(() -> CommentCursor.parse("garbage")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pollsAreSpacedToFitTheQuotaShare() {
        assertThat(config(10_000, 0.5, Duration.ofSeconds(10)).pollInterval()).isEqualTo(Duration.ofMillis(17_280));
        assertThat(config(1_000_000, 1.0, Duration.ofSeconds(10)).pollInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(YouTubeCommentsIntake.untilPacificMidnight(Instant.parse("2026-11-30T07:59:00Z")))
                .isEqualTo(Duration.ofSeconds(90)); // 23:59 in Los Angeles (PST, UTC-8)
    }

    private static YouTubeConfig config(int quota, double share, Duration min) {
        return new TestYouTubeConfig(null, quota, share, min);
    }

    private RawItem item(String payload) {
        return new RawItem(Network.YOUTUBE, "k", YouTubeCommentsIntake.KIND, "UCbody", delivered, payload);
    }
}
