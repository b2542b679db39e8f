package org.clearpost.publisher.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.clearpost.events.PublishingResumed;
import org.clearpost.events.PublishingSuspended;
import org.jboss.logging.Logger;

/**
 * The emergency stop (policy 1.7) on the publisher's side. It only records the state: the worker's claim query is
 * what holds publications, so no path to a network can forget to check it.
 */
@ApplicationScoped
public class PublishingControl {

    private static final Logger LOG = Logger.getLogger(PublishingControl.class);

    private static final String SUSPEND = """
            INSERT INTO publishing_suspension (suspension_id, suspended_by, reason, suspended_at)
            VALUES (:id, :by, :reason, :at)
            ON CONFLICT (suspension_id) DO NOTHING""";

    private static final String RESUME = """
            UPDATE publishing_suspension SET resumed_by = :by, resume_reason = :reason, resumed_at = :at
            WHERE suspension_id = :id AND resumed_at IS NULL""";

    @Transactional(Transactional.TxType.MANDATORY)
    public void suspend(PublishingSuspended suspended) {
        LOG.warnf("Publishing suspended by %s: %s", suspended.suspendedBy(), suspended.reason());
        Panache.getEntityManager().createNativeQuery(SUSPEND)
                .setParameter("id", suspended.suspensionId())
                .setParameter("by", suspended.suspendedBy())
                .setParameter("reason", suspended.reason())
                .setParameter("at", suspended.suspendedAt())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void resume(PublishingResumed resumed) {
        int updated = Panache.getEntityManager().createNativeQuery(RESUME)
                .setParameter("id", resumed.suspensionId())
                .setParameter("by", resumed.resumedBy())
                .setParameter("reason", resumed.reason())
                .setParameter("at", resumed.resumedAt())
                .executeUpdate();
        if (updated == 0) {
            LOG.warnf("Publishing resumed by %s, but suspension %s was not in force here", resumed.resumedBy(),
                    resumed.suspensionId());
        } else {
            LOG.warnf("Publishing resumed by %s: held publications go out now", resumed.resumedBy());
        }
    }

    /** The suspension in force, if publishing is suspended. */
    @Transactional
    public Optional<PublishingSuspension> inForce() {
        return PublishingSuspension.<PublishingSuspension>find("resumedAt is null", Sort.descending("suspendedAt"))
                .firstResultOptional();
    }
}
