package org.clearpost.monitoring.query;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.clearpost.monitoring.domain.NormalisedMention;

/**
 * The matcher used while no tracked-query matcher is deployed: nothing matches, so only mentions of the body's own
 * accounts are kept. Any other {@link QueryMatcher} bean replaces it.
 */
@DefaultBean
@ApplicationScoped
public class NoTrackedQueries implements QueryMatcher {

    @Override
    public List<UUID> matching(NormalisedMention mention) {
        return List.of();
    }
}
