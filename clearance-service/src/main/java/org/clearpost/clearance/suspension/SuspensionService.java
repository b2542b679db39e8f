package org.clearpost.clearance.suspension;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.clearance.audit.AuditAction;
import org.clearpost.clearance.audit.AuditLog;
import org.clearpost.events.PublishingResumed;
import org.clearpost.events.PublishingSuspended;
import org.clearpost.support.outbox.Outbox;
import org.clearpost.support.problem.ProblemException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The emergency stop (policy 1.7): suspend all publishing, resume it, tell the publisher through the outbox and record
 * both in the audit log.
 */
@ApplicationScoped
public class SuspensionService {

    /** How many past suspensions the state shows; an emergency stop is rare. */
    static final int HISTORY_SIZE = 50;

    /**
     * Advisory lock key ("pubstate" in ASCII) serialising decisions with the emergency stop: suspend and resume take
     * it exclusively, the approval that clears a post takes it shared, each until its transaction ends. So every
     * clearing commits either wholly before a suspension (and goes out unless the publisher learns of the stop
     * first) or wholly after it, having seen it and stamped its id on the PostCleared. A lock rather than a row:
     * there is nothing to store, and approvals still run in parallel with each other.
     */
    private static final long PUBLISHING_STATE_LOCK = 0x7075627374617465L;

    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;
    private final DataSource dataSource;

    public SuspensionService(Outbox outbox, AuditLog auditLog, Clock clock, DataSource dataSource) {
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
        this.dataSource = dataSource;
    }

    /**
     * The suspension in force for a decision being taken in the caller's transaction, which holds the publishing
     * state from here until it commits: a suspension asked for meanwhile waits for it, and answers only after.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> inForceForDecision() {
        lockPublishingState("SELECT pg_advisory_xact_lock_shared(?)");
        // A statement of its own after the lock: under READ COMMITTED it sees every suspension committed before.
        return inForce(LockModeType.NONE).map(s -> s.id);
    }

    @Transactional
    public PublishingSuspension suspend(String actor, String reason) {
        lockPublishingState("SELECT pg_advisory_xact_lock(?)");
        if (inForce(LockModeType.NONE).isPresent()) {
            throw alreadySuspended();
        }
        PublishingSuspension suspension = PublishingSuspension.start(actor, reason, clock.instant());
        try {
            suspension.persistAndFlush();
        } catch (PersistenceException e) {
            // The one-active index: someone else suspended between our check and our insert.
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw alreadySuspended();
            }
            throw e;
        }
        PublishingSuspended suspended = suspension.suspended();
        outbox.append(suspended);
        auditLog.append(actor, AuditAction.PUBLISHING_SUSPENDED, null, null, suspended);
        return suspension;
    }

    @Transactional
    public PublishingSuspension resume(String actor, String reason) {
        lockPublishingState("SELECT pg_advisory_xact_lock(?)");
        // Locked, so of two resumes at once the second finds nothing in force and gets a 409.
        PublishingSuspension suspension = inForce(LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.conflict("Publishing is not suspended",
                        "There is no suspension in force to lift"));
        PublishingResumed resumed = suspension.resume(actor, reason, clock.instant());
        outbox.append(resumed);
        auditLog.append(actor, AuditAction.PUBLISHING_RESUMED, null, null, resumed);
        return suspension;
    }

    /** Newest first; the suspension in force, if any, is always the newest. */
    @Transactional
    public List<PublishingSuspension> history() {
        return PublishingSuspension.<PublishingSuspension>findAll(Sort.descending("suspendedAt"))
                .page(Page.ofSize(HISTORY_SIZE)).list();
    }

    private void lockPublishingState(String sql) {
        // Within a JTA transaction Agroal hands out the transaction's own connection, the one Hibernate uses.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setLong(1, PUBLISHING_STATE_LOCK);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock the publishing state", e);
        }
    }

    private static Optional<PublishingSuspension> inForce(LockModeType lock) {
        return PublishingSuspension.<PublishingSuspension>find("resumedAt is null").withLock(lock).firstResultOptional();
    }

    private static ProblemException alreadySuspended() {
        return ProblemException.conflict("Publishing is already suspended",
                "Resume the suspension in force before starting another");
    }
}
