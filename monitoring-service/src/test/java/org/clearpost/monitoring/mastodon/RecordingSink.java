package org.clearpost.monitoring.mastodon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.clearpost.monitoring.intake.IntakeSink;
import org.clearpost.monitoring.intake.RawItem;

/**
 * An in-memory {@link IntakeSink} for plain JUnit tests of an intake: keeps every item written and the last cursor
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

    public synchronized List<RawItem> items() {
        return List.copyOf(items);
    }

    public synchronized int writes() {
        return writes;
    }
}
