package org.clearpost.monitoring.x;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads one stream connection on a thread of its own and splits it into lines, so the intake's thread can batch
 * them by time as well as count and notice when nothing at all, not even a keep-alive, has come for a while. A
 * blocking read on the JDK client's body has no timeout of its own; this is how the intake gets one.
 */
final class XStreamReader implements AutoCloseable {

    /** A line of the stream, or (with {@code text} null) its end and why. */
    record Line(String text, Instant receivedAt, String endReason) {
        boolean end() {
            return text == null;
        }
    }

    // A post is a few KB; a line this long is not one, and buffering it could exhaust the heap.
    private static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final InputStream body;
    private final BlockingQueue<Line> lines;
    private final Thread thread;
    private volatile long lastByteNanos = System.nanoTime();
    private volatile boolean closed;

    XStreamReader(InputStream body, int capacity, String name) {
        this.body = body;
        this.lines = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::read, name);
        this.thread.setDaemon(true);
    }

    XStreamReader start() {
        thread.start();
        return this;
    }

    /** Waits up to {@code timeoutNanos} for a line, then takes up to {@code max} that are ready into {@code into}. */
    int take(List<Line> into, int max, long timeoutNanos) throws InterruptedException {
        Line first = lines.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        if (first == null) {
            return 0;
        }
        into.add(first);
        return 1 + lines.drainTo(into, max - 1);
    }

    /** Nanoseconds since the last byte arrived, keep-alives included; zero while lines wait to be taken. */
    long quietNanos() {
        return lines.isEmpty() ? System.nanoTime() - lastByteNanos : 0;
    }

    @Override
    public void close() {
        closed = true;
        try {
            body.close();
        } catch (IOException e) {
            // closing to abandon it: nothing to do
        }
        // The JDK client's body blocks in an interruptible wait; closing alone does not always wake it.
        thread.interrupt();
    }

    private void read() {
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        String reason = "X closed the stream";
        try {
            int n;
            while ((n = body.read(buffer)) >= 0) {
                lastByteNanos = System.nanoTime();
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, start, i - start);
                        emit(line);
                        start = i + 1;
                    }
                }
                line.write(buffer, start, n - start);
                if (line.size() > MAX_LINE_BYTES) {
                    reason = "a line longer than " + MAX_LINE_BYTES + " bytes";
                    break;
                }
            }
        } catch (IOException e) {
            reason = "reading the stream failed: " + e;
        } catch (InterruptedException e) {
            reason = "closed";
        }
        if (!closed) {
            // Never blocks for long: the intake drains the queue until it sees this.
            try {
                lines.put(new Line(null, Instant.now(), reason));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void emit(ByteArrayOutputStream bytes) throws InterruptedException {
        int size = bytes.size();
        byte[] raw = bytes.toByteArray();
        bytes.reset();
        if (size > 0 && raw[size - 1] == '\r') {
            size--;
        }
        if (size == 0) {
            return; // X's keep-alive: counted as a byte, not a line
        }
        lines.put(new Line(new String(raw, 0, size, StandardCharsets.UTF_8), Instant.now(), null));
    }
}
