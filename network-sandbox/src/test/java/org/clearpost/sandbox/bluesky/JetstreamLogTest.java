package org.clearpost.sandbox.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JetstreamLogTest {

    private static final long T0 = 1_764_000_000_000_000L;
    private final PostFactory factory = new PostFactory(new ObjectMapper(), "did:plc:clearpostsandboxbody2acc", "c.bsky.social");
    private final JetstreamLog log = new JetstreamLog();
    private final Random random = new Random(5);

    private BlueskyPost append(long timeUs, long windowUs) {
        BlueskyPost post = factory.create(timeUs, 0.5, random);
        log.append(post, windowUs);
        return post;
    }

    @Test
    void aCursorIsInclusiveAndAnOlderOneStartsAtTheOldestKept() {
        for (int i = 0; i < 10; i++) {
            append(T0 + i * 1000, 1_000_000);
        }
        assertThat(log.read(log.seqAt(T0 + 3000), 1).get(0).timeUs()).isEqualTo(T0 + 3000);
        assertThat(log.read(log.seqAt(T0 + 3001), 1).get(0).timeUs()).isEqualTo(T0 + 4000);
        assertThat(log.read(log.seqAt(T0 - 5), 100)).hasSize(10);
        assertThat(log.seqAt(T0 + 99_000)).isEqualTo(log.end());
    }

    @Test
    void eventsOlderThanTheWindowAreForgottenButNotificationsAreNot() {
        long window = 5_000;
        for (int i = 0; i < 20; i++) {
            append(T0 + i * 1000, window);
        }
        assertThat(log.read(log.clamp(0), 100)).extracting(BlueskyPost::timeUs)
                .allMatch(t -> t >= T0 + 19_000 - window).hasSize(6);
        assertThat(log.madeCount()).isEqualTo(20);
        assertThat(log.notificationsNewestFirst()).allMatch(BlueskyPost::mention)
                .isSortedAccordingTo((a, b) -> Long.compare(b.timeUs(), a.timeUs()))
                .hasSize((int) log.made().stream().filter(BlueskyPost::mention).count());

        log.prune(T0 + 100_000, window);
        assertThat(log.read(log.clamp(0), 100)).isEmpty();
        assertThat(log.notificationsNewestFirst()).isNotEmpty();
    }

    @Test
    void timesAreUniqueAndIncreasingEvenWithinOneMicrosecond() {
        long a = log.nextTimeUs(T0);
        long b = log.nextTimeUs(T0);
        long c = log.nextTimeUs(T0 - 10);
        assertThat(a).isLessThan(b);
        assertThat(b).isLessThan(c);
    }
}
