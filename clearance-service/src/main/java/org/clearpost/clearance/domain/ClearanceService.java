package org.clearpost.clearance.domain;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.clearance.audit.AuditAction;
import org.clearpost.clearance.audit.AuditLog;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostRejected;
import org.clearpost.support.outbox.Outbox;
import org.clearpost.support.problem.ProblemException;

/** Clearance's use cases: open a case per submitted version, decide it, tell the others through the outbox. */
@ApplicationScoped
public class ClearanceService {

    private final Outbox outbox;
    private final Clock clock;
    private final AuditLog auditLog;

    public ClearanceService(Outbox outbox, Clock clock, AuditLog auditLog) {
        this.outbox = outbox;
        this.clock = clock;
        this.auditLog = auditLog;
    }

    /** A submitted version opens a case and withdraws any still-open case of an earlier version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(PostDrafted drafted) {
        if (ClearanceCase.count("postId = ?1 and version = ?2", drafted.postId(), drafted.version()) > 0) {
            return;
        }
        ClearanceCase.open(drafted).persist();
        auditLog.append(drafted.author(), AuditAction.POST_VERSION_SUBMITTED, drafted.postId(), drafted.version(),
                drafted);
        ClearanceCase.<ClearanceCase>list("postId = ?1 and version < ?2 and status = ?3", drafted.postId(),
                drafted.version(), CaseStatus.PENDING).forEach(earlier -> {
                    earlier.withdraw();
                    auditLog.append(drafted.author(), AuditAction.CASE_WITHDRAWN, earlier.postId, earlier.version,
                            Map.of("caseId", earlier.id, "supersededByVersion", drafted.version()));
                });
    }

    @Transactional
    public ClearanceCase approve(UUID caseId, String clearer, String comment) {
        ClearanceCase clearance = decidable(caseId, clearer);
        PostCleared cleared = clearance.approve(clearer, comment, clock.instant());
        outbox.append(cleared);
        auditLog.append(clearer, AuditAction.CASE_APPROVED, cleared.postId(), cleared.version(), cleared);
        return clearance;
    }

    @Transactional
    public ClearanceCase reject(UUID caseId, String clearer, String comment) {
        ClearanceCase clearance = decidable(caseId, clearer);
        PostRejected rejected = clearance.reject(clearer, comment, clock.instant());
        outbox.append(rejected);
        auditLog.append(clearer, AuditAction.CASE_REJECTED, rejected.postId(), rejected.version(), rejected);
        return clearance;
    }

    @Transactional
    public ClearanceCase find(UUID caseId) {
        ClearanceCase clearance = ClearanceCase.findById(caseId);
        if (clearance == null) {
            throw ProblemException.notFound("Clearance case", caseId);
        }
        return clearance;
    }

    @Transactional
    public List<ClearanceCase> list(CaseStatus status, UUID postId, int page, int size) {
        Sort oldestFirst = Sort.ascending("submittedAt");
        var query = postId == null
                ? ClearanceCase.<ClearanceCase>find("status", oldestFirst, status)
                : ClearanceCase.<ClearanceCase>find("status = ?1 and postId = ?2", oldestFirst, status, postId);
        return query.page(Page.of(page, size)).list();
    }

    /**
     * Two-person rule (policy 5.1): whoever wrote any version of a post may not clear it, whatever their roles. The
     * check is on every version, so re-submitting someone else's draft does not make it clearable by its author.
     */
    private ClearanceCase decidable(UUID caseId, String clearer) {
        ClearanceCase clearance = find(caseId);
        boolean wroteAVersion = ClearanceCase.count("postId = ?1 and author = ?2", clearance.postId, clearer) > 0;
        if (wroteAVersion) {
            throw ProblemException.forbidden("Two-person rule",
                    "You wrote a version of this post, so another member of Communications must clear it");
        }
        return clearance;
    }
}
