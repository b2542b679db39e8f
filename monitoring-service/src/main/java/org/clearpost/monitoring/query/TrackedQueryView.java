package org.clearpost.monitoring.query;

import java.time.Instant;
import java.util.UUID;
import org.clearpost.events.TrackedQueryDefined.Purpose;

/**
 * A tracked query as the API shows it, with how it was understood ({@code parsed}: explicit operators, folded words)
 * and what it becomes where the network filters server-side ({@code xRule}, {@code blueskySearch}).
 */
public record TrackedQueryView(UUID id, String name, Purpose purpose, String query, boolean active, String parsed,
        Translation xRule, Translation blueskySearch, String createdBy, Instant createdAt, String changedBy,
        Instant changedAt) {

    static TrackedQueryView of(TrackedQuery query) {
        QueryNode tree = QueryParser.parse(query.query);
        return new TrackedQueryView(query.id, query.name, query.purpose, query.query, query.active, tree.toString(),
                XRuleTranslator.translate(tree), BlueskySearchTranslator.translate(tree), query.createdBy,
                query.createdAt, query.changedBy, query.changedAt);
    }
}
