package org.clearpost.analytics.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.clearpost.events.CampaignDefined;
import org.clearpost.events.ChangesRequested;
import org.clearpost.events.ClearanceOverdue;
import org.clearpost.events.ClearanceRerouted;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.DecisionSignatureRejected;
import org.clearpost.events.EventType;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PostRejected;
import org.clearpost.events.PostVersionWithdrawn;
import org.clearpost.events.PreElectionPeriodCancelled;
import org.clearpost.events.PreElectionPeriodDeclared;
import org.clearpost.events.PublicationFailed;
import org.clearpost.events.PublishingResumed;
import org.clearpost.events.PublishingSuspended;
import org.clearpost.events.Target;

/** Counts every event once, by type and by the networks it concerns. */
@ApplicationScoped
public class EventCountService {

    private final EntityManager entityManager;

    public EventCountService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void count(EventType type, ClearpostEvent event) {
        entityManager.createNativeQuery("""
                INSERT INTO event_type_count (event_type, total) VALUES (?1, 1)
                ON CONFLICT (event_type) DO UPDATE SET total = event_type_count.total + 1""")
                .setParameter(1, type.ceType()).executeUpdate();
        for (Network network : networksOf(event)) {
            entityManager.createNativeQuery("""
                    INSERT INTO network_event_count (network, event_type, total) VALUES (?1, ?2, 1)
                    ON CONFLICT (network, event_type) DO UPDATE SET total = network_event_count.total + 1""")
                    .setParameter(1, network.name()).setParameter(2, type.ceType()).executeUpdate();
        }
    }

    @Transactional
    public EventCounts counts() {
        Map<String, Long> byType = new TreeMap<>();
        for (Object[] row : rows("SELECT event_type, total FROM event_type_count")) {
            byType.put((String) row[0], ((Number) row[1]).longValue());
        }
        Map<String, Map<String, Long>> byNetwork = new TreeMap<>();
        for (Object[] row : rows("SELECT network, event_type, total FROM network_event_count")) {
            byNetwork.computeIfAbsent((String) row[0], n -> new TreeMap<>())
                    .put((String) row[1], ((Number) row[2]).longValue());
        }
        long total = byType.values().stream().mapToLong(Long::longValue).sum();
        return new EventCounts(total, byType, byNetwork);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return entityManager.createNativeQuery(sql).getResultList();
    }

    static Set<Network> networksOf(ClearpostEvent event) {
        if (event instanceof PostDrafted drafted) {
            return drafted.targets().stream().map(Target::network).collect(Collectors.toSet());
        }
        if (event instanceof PostCleared cleared) {
            return cleared.targets().stream().map(Target::network).collect(Collectors.toSet());
        }
        if (event instanceof PostPublished published) {
            return Set.of(published.network());
        }
        if (event instanceof PublicationFailed failed) {
            return Set.of(failed.network());
        }
        if (event instanceof MentionReceived mention) {
            return Set.of(mention.network());
        }
        if (event instanceof PostRejected || event instanceof ChangesRequested || event instanceof PostVersionWithdrawn
                || event instanceof ClearanceOverdue || event instanceof ClearanceRerouted
                || event instanceof PublishingSuspended || event instanceof PublishingResumed
                || event instanceof CampaignDefined || event instanceof PreElectionPeriodDeclared
                || event instanceof PreElectionPeriodCancelled || event instanceof DecisionSignatureRejected) {
            // These name no network: a post's networks were counted when it was drafted. Until analytics has its
            // handler table (issue 12), every type must be listed here or it would be dead-lettered.
            return Set.of();
        }
        throw new IllegalArgumentException("Unhandled event " + event.getClass().getSimpleName());
    }
}
