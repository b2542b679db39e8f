package org.clearpost.monitoring.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An in-memory {@link IntakeSink} for plain JUnit tests of an intake against the real sandbox: keeps every item written and the last cursor
 * per intake, as a committed Kafka transaction would, so a second run resumes where the first one stopped.
 */
public final class RecordingSink implements IntakeSink {

    private final List<RawItem> items = new ArrayList<>();
    private final Map<String, String> cursors = new HashMap<>();
    private int writes;

    @Override
    public synchronized void write(String intake, List<RawItem> batch, String cursor) {
        items.addAll(batch);
        writes++;
        if (cursor != null) {
            cursors.put(intake, cursor);
        }
    }

    @Override
    public synchronized Optional<String> cursor(String intake) {
        return Optional.ofNullable(cursors.get(intake));
    }

    @Override
    public CompletionStage<Void> deliver(List<RawItem> batch) {
        synchronized (this) {
            items.addAll(batch);
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Sets a cursor as if a run had committed it (e.g. one older than the network keeps). */
    public synchronized void setCursor(String intake, String cursor) {
        cursors.put(intake, cursor);
    }

    public synchronized List<RawItem> items() {
        return List.copyOf(items);
    }

    public synchronized int writes() {
        return writes;
    }
}
