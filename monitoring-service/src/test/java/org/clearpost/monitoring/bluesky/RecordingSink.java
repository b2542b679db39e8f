package org.clearpost.monitoring.bluesky;

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
 * An in-memory sink with the contract's semantics (items and cursor together, atomically), for the intake's tests
 * against the real sandbox before the Kafka sink exists on this branch.
 */
final class RecordingSink implements IntakeSink {

    private final List<RawItem> items = new ArrayList<>();
    private final Map<String, String> cursors = new HashMap<>();

    @Override
    public synchronized void write(String intake, List<RawItem> batch, String cursor) {
        items.addAll(batch);
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

    synchronized void setCursor(String intake, String cursor) {
        cursors.put(intake, cursor);
    }

    synchronized List<RawItem> items() {
        return List.copyOf(items);
    }
}
