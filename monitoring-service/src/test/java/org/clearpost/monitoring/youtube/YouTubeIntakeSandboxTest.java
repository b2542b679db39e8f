package org.clearpost.monitoring.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.RecordingSink;
import org.clearpost.monitoring.mastodon.SandboxFirehose;
import org.clearpost.testing.NetworkSandboxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The YouTube poller against the real sandbox (packaged jar, real HTTP), writing to an in-memory sink that keeps its
 * cursor: every comment thread a burst made is written, through a stop and restart mid-burst; the sandbox's quota
 * refusal makes it wait rather than spin. Counted by thread id.
 */
class YouTubeIntakeSandboxTest {

    private static final NetworkSandboxServer SANDBOX = new NetworkSandboxServer();
    private static URI base;
    private final ObjectMapper mapper = new ObjectMapper();
    private SandboxFirehose firehose;

    @BeforeAll
    static void startSandbox() {
        SANDBOX.init(Map.of());
        base = URI.create(SANDBOX.start().get(NetworkSandboxServer.URL_PROPERTY));
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.stop();
    }

    @BeforeEach
    void reset() {
        firehose = new SandboxFirehose(base, "youtube");
        firehose.reset();
    }

    @Test
    void everyThreadOfABurstIsWrittenOnceAcrossARestart() throws Exception {
        RecordingSink sink = new RecordingSink();
        firehose.burst(300, 5);
        Thread first = start(sink);
        Thread.sleep(2_000);
        stop(first);
        Thread.sleep(1_000);
        Thread second = start(sink);
        try {
            Instant deadline = Instant.now().plusSeconds(60);
            while ((firehose.made() < 1_500 || copies(sink).size() < 1_500) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            Thread.sleep(1_000); // a further poll must add nothing
            Map<String, Integer> copies = copies(sink);
            assertThat(firehose.made()).isEqualTo(1_500);
            assertThat(copies).hasSize(1_500);
            // the cursor keeps the ids of its second, so even a restart writes no thread twice
            assertThat(copies.values()).allMatch(n -> n == 1);
            assertThat(sink.items()).allSatisfy(item -> {
                assertThat(item.kind()).isEqualTo(YouTubeCommentsIntake.KIND);
                assertThat(item.account()).isEqualTo("UCclearpostSandbox0000001");
            });
        } finally {
            stop(second);
        }
    }

    private Map<String, Integer> copies(RecordingSink sink) throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        for (RawItem item : sink.items()) {
            String id = mapper.readTree(item.payload()).path("id").asText();
            assertThat(item.key()).isEqualTo(id);
            copies.merge(id, 1, Integer::sum);
        }
        return copies;
    }

    private Thread start(RecordingSink sink) {
        YouTubeCommentsIntake intake = new YouTubeCommentsIntake(
                new TestYouTubeConfig(base, 1_000_000, 1.0, Duration.ofMillis(200)), mapper);
        Thread thread = new Thread(() -> {
            try {
                intake.run(sink);
            } catch (InterruptedException e) {
                // stopped
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "youtube-intake-test");
        thread.start();
        return thread;
    }

    private static void stop(Thread thread) throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
    }
}
