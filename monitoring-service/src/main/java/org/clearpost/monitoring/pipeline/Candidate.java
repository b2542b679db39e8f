package org.clearpost.monitoring.pipeline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.triage.Assessment;

/**
 * A cleaned mention the pipeline keeps (it names one of the body's accounts or matched a query), with the raw record
 * it came from.
 *
 * @param account    the body's account it names, or null when it only matched queries
 * @param assessment triage's look at the mention alone, made before the batch's database transaction
 */
record Candidate(NormalisedMention mention, String account, List<UUID> matchedQueries, Assessment assessment,
        int partition, long offset) {

    /** Every id the mention is known by on its network: its own first, then its aliases. */
    Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(mention.externalId());
        ids.addAll(mention.aliasIds());
        return ids;
    }
}
