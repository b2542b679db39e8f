package org.clearpost.monitoring.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.RecordingSink;
import org.clearpost.testing.NetworkSandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Mastodon intake against the real sandbox (packaged jar, child JVM, real HTTP and SSE), writing to an in-memory
 * sink that keeps its cursor as the Kafka sink would: every notification made during a burst must be written, across
 * a stop and restart, dropped connections and a silent stream. Counted, not sampled. The sandbox's rate limit is
 * small (10 calls per 3 s) so the catch-ups also have to wait for resets.
 */
class MastodonIntakeSandboxTest {

    private static final NetworkSandboxServer SANDBOX = new NetworkSandboxServer();
    private static URI base;
    private final ObjectMapper mapper = new ObjectMapper();
    private SandboxFirehose firehose;

    @BeforeAll
    static void startSandbox() {
        SANDBOX.init(Map.of("CLEARPOST_SANDBOX_MASTODON_HEARTBEAT", "1s", "CLEARPOST_SANDBOX_MASTODON_RATE_LIMIT", "10",
                "CLEARPOST_SANDBOX_MASTODON_RATE_WINDOW", "3s"));
        base = URI.create(SANDBOX.start().get(NetworkSandboxServer.URL_PROPERTY));
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.stop();
    }

    @BeforeEach
    void reset() {
        firehose = new SandboxFirehose(base, "mastodon");
        firehose.reset();
    }

    @Test
    void stoppedMidBurstAndRestartedItMissesNothing() throws Exception {
        RecordingSink sink = new RecordingSink();
        firehose.burst(400, 5);
        Running first = start(sink);
        Thread.sleep(1_500);
        first.stop();
        int beforeRestart = ids(sink).size();
        Thread.sleep(1_500); // mentions made now reach no stream: only the catch-up can find them
        Running second = start(sink);
        try {
            assertEveryMentionWritten(sink, 2_000);
            assertThat(beforeRestart).isPositive().isLessThan(2_000);
        } finally {
            second.stop();
        }
    }

    @Test
    void droppedConnectionsMissNothing() throws Exception {
        RecordingSink sink = new RecordingSink();
        Running intake = start(sink);
        try {
            awaitStreamsOpened(1);
            long openedBefore = firehose.get("/sandbox/mastodon/streams").path("opened").asLong();
            firehose.burst(400, 4);
            Thread.sleep(1_000);
            firehose.drop();
            Thread.sleep(1_000);
            firehose.drop();
            assertEveryMentionWritten(sink, 1_600);
            assertThat(firehose.get("/sandbox/mastodon/streams").path("opened").asLong()).isGreaterThanOrEqualTo(openedBefore + 2);
        } finally {
            intake.stop();
        }
    }

    @Test
    void aSilentStreamIsReopenedAndNothingIsMissed() throws Exception {
        RecordingSink sink = new RecordingSink();
        Running intake = start(sink);
        try {
            awaitStreamsOpened(1);
            long opened = intake.intake.streamsOpened();
            firehose.burst(200, 6);
            Thread.sleep(500);
            firehose.silence(20); // longer than the whole test: only a reconnect can see the rest live
            assertEveryMentionWritten(sink, 1_200);
            assertThat(intake.intake.streamsOpened()).isGreaterThan(opened);
        } finally {
            intake.stop();
        }
    }

    private void assertEveryMentionWritten(RecordingSink sink, long expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        long made = firehose.made();
        while (Instant.now().isBefore(deadline)) {
            made = firehose.made();
            if (made >= expected && ids(sink).size() >= made) {
                break;
            }
            Thread.sleep(200);
        }
        Thread.sleep(500); // late duplicates, if any, would show now
        TreeSet<Long> ids = ids(sink);
        assertThat(made).isEqualTo(expected);
        assertThat(ids).hasSize((int) made);
        // the sandbox numbers notifications consecutively: no gap between the first and the last
        assertThat(ids.last() - ids.first() + 1).isEqualTo(made);
        assertThat(sink.items()).allSatisfy(item -> {
            assertThat(item.kind()).isEqualTo(MastodonIntake.KIND_NOTIFICATION);
            assertThat(item.key()).startsWith("https://").contains("/statuses/");
            assertThat(item.account()).isEqualTo("clearpost");
        });
    }

    private TreeSet<Long> ids(RecordingSink sink) throws Exception {
        TreeSet<Long> ids = new TreeSet<>();
        for (RawItem item : sink.items()) {
            ids.add(mapper.readTree(item.payload()).path("id").asLong());
        }
        return ids;
    }

    private void awaitStreamsOpened(long open) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (firehose.get("/sandbox/mastodon/streams").path("open").asLong() < open && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    private Running start(RecordingSink sink) {
        MastodonIntake intake = new MastodonIntake(new TestMastodonConfig(base, "sandbox-mastodon-user-token",
                Duration.ofSeconds(3), 80), mapper);
        Thread thread = new Thread(() -> {
            try {
                intake.run(sink);
            } catch (InterruptedException e) {
                // stopped
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "mastodon-intake-test");
        thread.start();
        return new Running(intake, thread);
    }

    private record Running(MastodonIntake intake, Thread thread) {
        void stop() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            assertThat(thread.isAlive()).as("the intake ends when interrupted").isFalse();
        }
    }

}
