package org.clearpost.publisher.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.clearpost.events.PostCleared;
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

    /*
     * Each statement is an upsert keyed by clearance's suspension id, so the three ways of learning of a stop (its
     * announcement, a decision cleared under it, its resumption) may arrive in any order and any number of times.
     * The announcement brings the details (a row learnt from a decision has stand-ins) but never undoes a resumption;
     * a decision only ever adds a stop; a resumption lifts the stop, or records it already lifted so that a decision
     * arriving after it cannot hold its post forever.
     */
    private static final String SUSPEND = """
            INSERT INTO publishing_suspension (suspension_id, suspended_by, reason, suspended_at)
            VALUES (:id, :by, :reason, :at)
            ON CONFLICT (suspension_id) DO UPDATE
            SET suspended_by = EXCLUDED.suspended_by, reason = EXCLUDED.reason, suspended_at = EXCLUDED.suspended_at""";

    private static final String HELD_BY_DECISION = """
            INSERT INTO publishing_suspension (suspension_id, suspended_by, reason, suspended_at)
            VALUES (:id, 'clearance-service', :reason, :at)
            ON CONFLICT (suspension_id) DO NOTHING""";

    private static final String RESUME = """
            INSERT INTO publishing_suspension (suspension_id, suspended_by, reason, suspended_at,
                                               resumed_by, resume_reason, resumed_at)
            VALUES (:id, 'clearance-service', 'Resumed before its suspension was announced here', :at,
                    :by, :reason, :at)
            ON CONFLICT (suspension_id) DO UPDATE
            SET resumed_by = EXCLUDED.resumed_by, resume_reason = EXCLUDED.resume_reason,
                resumed_at = EXCLUDED.resumed_at
            WHERE publishing_suspension.resumed_at IS NULL""";

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

    /**
     * A decision cleared while a suspension was in force: the suspension holds here from now on, even if its
     * announcement (on another topic) has not arrived yet, until its resumption arrives.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void heldByDecision(PostCleared cleared) {
        int added = Panache.getEntityManager().createNativeQuery(HELD_BY_DECISION)
                .setParameter("id", cleared.heldBySuspension())
                .setParameter("reason", "Publishing suspended: learnt from the clearance of post " + cleared.postId()
                        + " v" + cleared.version() + " before the suspension was announced here")
                .setParameter("at", cleared.clearedAt())
                .executeUpdate();
        if (added == 1) {
            LOG.warnf("Publishing suspended (%s): learnt from a decision before the announcement",
                    cleared.heldBySuspension());
        }
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
            LOG.warnf("Publishing resumed by %s, but suspension %s had already been lifted here",
                    resumed.resumedBy(), resumed.suspensionId());
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
