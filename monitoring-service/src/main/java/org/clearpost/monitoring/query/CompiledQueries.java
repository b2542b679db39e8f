package org.clearpost.monitoring.query;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearpost.monitoring.domain.NormalisedMention;

/**
 * The active tracked queries, parsed, as one immutable value: what the matcher evaluates every mention against.
 * A change of queries builds a new one; nothing in it is ever modified, so readers need no lock.
 *
 * @param fingerprint what the table looked like when this was read (see {@link TrackedQueries#fingerprint()})
 */
public record CompiledQueries(List<Compiled> queries, long fingerprint) {

    public record Compiled(UUID id, QueryNode tree) {
    }

    public static final CompiledQueries NONE = new CompiledQueries(List.of(), -1);

    public CompiledQueries {
        queries = List.copyOf(queries);
    }

    /** The ids of the queries {@code mention} matches, in this snapshot's order (by id). */
    public List<UUID> matching(NormalisedMention mention) {
        if (queries.isEmpty()) {
            return List.of();
        }
        return matching(MentionText.of(mention));
    }

    List<UUID> matching(MentionText text) {
        List<UUID> matched = null;
        for (Compiled query : queries) {
            if (query.tree.matches(text)) {
                if (matched == null) {
                    matched = new ArrayList<>(2);
                }
                matched.add(query.id);
            }
        }
        return matched == null ? List.of() : List.copyOf(matched);
    }
}
