package org.clearpost.monitoring.query;

import java.util.List;
import java.util.UUID;
import org.clearpost.monitoring.domain.NormalisedMention;

/**
 * Which tracked queries a mention matches, against the queries in force now. Called by the pipeline for every mention
 * on its consumer threads, so it must be thread-safe and fast (a compiled tree per query, no I/O per call).
 */
public interface QueryMatcher {

    /** The ids of the active tracked queries {@code mention} matches, in a stable order; empty if none. */
    List<UUID> matching(NormalisedMention mention);
}
