package org.clearpost.clearance.crisis;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.clearance.audit.AuditAction;
import org.clearpost.clearance.audit.AuditLog;
import org.clearpost.support.problem.ProblemException;
import org.hibernate.exception.ConstraintViolationException;

/** Crisis mode on and off, each with a reason and in the audit trail. */
@ApplicationScoped
public class CrisisService {

    static final int HISTORY_SIZE = 50;

    private final AuditLog auditLog;
    private final Clock clock;

    public CrisisService(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional
    public CrisisMode turnOn(String actor, String reason) {
        if (current(LockModeType.NONE).isPresent()) {
            throw alreadyOn();
        }
        CrisisMode crisis = CrisisMode.start(actor, reason, clock.instant());
        try {
            crisis.persistAndFlush();
        } catch (PersistenceException e) {
            // The one-active index: someone else turned it on between our check and our insert.
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw alreadyOn();
            }
            throw e;
        }
        auditLog.append(actor, AuditAction.CRISIS_MODE_ON, null, null,
                Map.of("crisisId", crisis.id, "reason", reason, "startedAt", crisis.startedAt));
        return crisis;
    }

    @Transactional
    public CrisisMode turnOff(String actor, String reason) {
        CrisisMode crisis = current(LockModeType.PESSIMISTIC_WRITE).orElseThrow(
                () -> ProblemException.conflict("Crisis mode is off", "There is no crisis mode to turn off"));
        crisis.end(actor, reason, clock.instant());
        auditLog.append(actor, AuditAction.CRISIS_MODE_OFF, null, null,
                Map.of("crisisId", crisis.id, "reason", reason, "endedAt", crisis.endedAt));
        return crisis;
    }

    /** Crisis mode in force, if it is on. */
    @Transactional
    public Optional<CrisisMode> current() {
        return current(LockModeType.NONE);
    }

    /** Newest first. */
    @Transactional
    public List<CrisisMode> history() {
        return CrisisMode.<CrisisMode>findAll(Sort.descending("startedAt")).page(Page.ofSize(HISTORY_SIZE)).list();
    }

    private static Optional<CrisisMode> current(LockModeType lock) {
        return CrisisMode.<CrisisMode>find("endedAt is null").withLock(lock).firstResultOptional();
    }

    private static ProblemException alreadyOn() {
        return ProblemException.conflict("Crisis mode is already on", "Turn crisis mode off before turning it on again");
    }
}
