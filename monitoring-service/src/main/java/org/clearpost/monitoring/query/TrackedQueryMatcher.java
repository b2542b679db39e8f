package org.clearpost.monitoring.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.clearpost.monitoring.domain.NormalisedMention;

/**
 * The tracked queries in force, for the pipeline: each mention is read once ({@link MentionText}) and every active
 * query's tree evaluated against it. The queries are an immutable snapshot swapped atomically when they change
 * ({@link QuerySnapshotReloader}), so matching takes no lock and never sees half a change.
 */
@ApplicationScoped
public class TrackedQueryMatcher implements QueryMatcher {

    private final AtomicReference<CompiledQueries> current = new AtomicReference<>(CompiledQueries.NONE);

    @Override
    public List<UUID> matching(NormalisedMention mention) {
        return current.get().matching(mention);
    }

    public CompiledQueries snapshot() {
        return current.get();
    }

    /** Puts {@code next} in force, unless a snapshot read later is already (two reloads racing). */
    void install(CompiledQueries next) {
        current.accumulateAndGet(next, (old, candidate) -> candidate.fingerprint() >= old.fingerprint()
                || old == CompiledQueries.NONE ? candidate : old);
    }
}
