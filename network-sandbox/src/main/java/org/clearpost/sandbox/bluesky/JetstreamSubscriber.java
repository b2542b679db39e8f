package org.clearpost.sandbox.bluesky;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.function.Predicate;

/**
 * One Jetstream connection: walks the log from its position and writes each wanted event, as fast as the socket takes
 * them (it waits for the write queue to drain rather than buffer without bound), then follows new events live.
 * Runs on the socket's event loop only.
 */
final class JetstreamSubscriber {

    private static final long POLL_MS = 10;
    private static final int READ_AHEAD = 256;

    private final BlueskyFirehose firehose;
    private final ServerWebSocket socket;
    private final Predicate<BlueskyPost> wanted;
    private long seq;
    private long timer = -1;
    private Vertx vertx;
    private volatile boolean closed;

    JetstreamSubscriber(BlueskyFirehose firehose, ServerWebSocket socket, long seq, Predicate<BlueskyPost> wanted) {
        this.firehose = firehose;
        this.socket = socket;
        this.seq = seq;
        this.wanted = wanted;
    }

    void start(Vertx vertx) {
        this.vertx = vertx;
        socket.closeHandler(v -> ended());
        socket.exceptionHandler(e -> ended());
        socket.drainHandler(v -> pump());
        // Clients send nothing Jetstream needs (options updates are not modelled); read and ignore
        socket.textMessageHandler(m -> {
        });
        timer = vertx.setPeriodic(POLL_MS, id -> pump());
        pump();
    }

    private void pump() {
        if (closed || firehose.silent()) {
            return;
        }
        JetstreamLog log = firehose.log();
        while (!socket.writeQueueFull()) {
            seq = log.clamp(seq);
            List<BlueskyPost> batch = log.read(seq, READ_AHEAD);
            if (batch.isEmpty()) {
                return;
            }
            for (BlueskyPost post : batch) {
                seq++;
                if (wanted.test(post)) {
                    socket.writeTextMessage(firehose.event(post));
                    if (socket.writeQueueFull()) {
                        return; // the drain handler resumes
                    }
                }
            }
        }
    }

    /** Closes the connection, as a load balancer dropping it would. */
    void close() {
        if (!closed) {
            socket.close((short) 1001, "going away");
        }
    }

    private void ended() {
        if (!closed) {
            closed = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            firehose.unsubscribed(this);
        }
    }
}
