package org.clearpost.monitoring.query;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearpost.monitoring.domain.NormalisedMention;

/**
 * The active tracked queries, parsed, as one immutable value: what the matcher evaluates every mention against.
 * A change of queries builds a new one; nothing in it is ever modified, so readers need no lock.
 *
 * The fingerprint is what the table looked like when this was read (see {@link TrackedQueries#fingerprint()}).
 */
public final class CompiledQueries {

    public record Compiled(UUID id, QueryNode tree) {
    }

    public static final CompiledQueries NONE = new CompiledQueries(List.of(), -1);

    private final List<Compiled> queries;
    private final long fingerprint;
    private final Vocabulary vocabulary;
    private final UUID[] ids;
    private final Evaluator[] evaluators;

    public CompiledQueries(List<Compiled> queries, long fingerprint) {
        this.queries = List.copyOf(queries);
        this.fingerprint = fingerprint;
        this.vocabulary = Vocabulary.of(this.queries.stream().map(Compiled::tree).toList());
        this.ids = this.queries.stream().map(Compiled::id).toArray(UUID[]::new);
        this.evaluators = this.queries.stream().map(q -> Evaluator.compile(q.tree(), vocabulary))
                .toArray(Evaluator[]::new);
    }

    public List<Compiled> queries() {
        return queries;
    }

    public long fingerprint() {
        return fingerprint;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The ids of the queries {@code mention} matches, in this snapshot's order (by id). */
    public List<UUID> matching(NormalisedMention mention) {
        if (queries.isEmpty()) {
            return List.of();
        }
        return matching(MentionText.of(vocabulary, mention));
    }

    List<UUID> matching(MentionText text) {
        List<UUID> matched = null;
        for (int i = 0; i < evaluators.length; i++) {
            if (evaluators[i].test(text)) {
                if (matched == null) {
                    matched = new ArrayList<>(2);
                }
                matched.add(ids[i]);
            }
        }
        return matched == null ? List.of() : List.copyOf(matched);
    }
}
