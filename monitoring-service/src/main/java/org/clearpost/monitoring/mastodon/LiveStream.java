package org.clearpost.monitoring.mastodon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An open SSE stream, read by its own thread into a bounded queue so that frames keep arriving (and are kept) while
 * the intake is still paging through its catch-up. When the queue is full the reader stops reading and TCP pushes
 * back on the server. Everything read, comments included, shows the connection is alive.
 */
final class LiveStream implements AutoCloseable {

    /** What {@link #next} hands back: an event, a comment (heartbeat), or the end of the stream. */
    sealed interface Signal permits Event, Heartbeat, End {
    }

    record Event(String event, String data) implements Signal {
    }

    record Heartbeat() implements Signal {
    }

    record End(IOException cause) implements Signal {
    }

    private static final int CAPACITY = 50_000;

    private final InputStream body;
    private final BlockingQueue<Signal> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread reader;
    private volatile boolean closed;

    LiveStream(InputStream body) {
        this.body = body;
        this.reader = new Thread(this::read, "mastodon-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next signal, or null when nothing at all arrived within {@code timeout} (a silent stream). */
    Signal next(Duration timeout) throws InterruptedException {
        return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The next signal if one is already waiting. */
    Signal poll() {
        return queue.poll();
    }

    private void read() {
        SseParser parser = new SseParser();
        IOException cause = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while (!closed && (line = lines.readLine()) != null) {
                SseParser.Sse sse = parser.feed(line);
                if (sse != null) {
                    queue.put(sse.comment() ? new Heartbeat() : new Event(sse.event(), sse.data()));
                }
            }
        } catch (IOException e) {
            cause = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!closed) {
            // offer, not put: if the intake is gone nobody drains the queue
            queue.offer(new End(cause == null ? new IOException("the instance closed the stream") : cause));
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            body.close();
        } catch (IOException e) {
            // closing a dead connection: nothing to do
        }
    }
}
