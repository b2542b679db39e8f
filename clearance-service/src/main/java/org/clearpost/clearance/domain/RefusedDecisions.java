package org.clearpost.clearance.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.clearpost.clearance.audit.AuditAction;
import org.clearpost.clearance.audit.AuditLog;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Leaves a trace of refused decisions (policy 5.1). A decision refused with 403 (author, wrong role, second step,
 * off duty) or 409 (already decided, purdah) rolls its transaction back, audit entries included; this records the
 * attempt, who, what and why, in a transaction of its own started after that rollback, so the FOI export shows
 * that someone tried to take a step they must not take.
 */
@ApplicationScoped
public class RefusedDecisions {

    private static final Logger LOG = Logger.getLogger(RefusedDecisions.class);

    private final AuditLog auditLog;

    public RefusedDecisions(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /**
     * Runs {@code decision} (a transactional use case of ClearanceService, so its transaction has ended, committed
     * or rolled back, when it returns or throws) and records a refusal before passing it on.
     *
     * @param decision {@code approve}, {@code reject} or {@code request-changes}
     */
    public ClearanceCase recording(UUID caseId, Decider decider, String decision, String comment,
            Supplier<ClearanceCase> decide) {
        try {
            return decide.get();
        } catch (ProblemException refused) {
            Problem problem = refused.problem();
            if (problem.status() == 403 || problem.status() == 409) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> record(caseId, decider, decision, comment, problem));
                } catch (RuntimeException notRecorded) {
                    // The person still gets the refusal; the failure to record it is for the operators.
                    LOG.errorf(notRecorded, "Could not record %s's refused %s of case %s", decider.username(),
                            decision, caseId);
                }
            }
            throw refused;
        }
    }

    private void record(UUID caseId, Decider decider, String decision, String comment, Problem problem) {
        ClearanceCase clearance = ClearanceCase.findById(caseId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("caseId", caseId);
        details.put("decision", decision);
        details.put("status", problem.status());
        details.put("refusal", problem.title());
        details.put("detail", problem.detail());
        details.put("comment", comment);
        details.put("roles", new TreeSet<>(decider.roles()));
        details.put("route", clearance == null ? null : clearance.route);
        details.put("caseStatus", clearance == null ? null : clearance.status);
        auditLog.append(decider.username(), AuditAction.DECISION_REFUSED, clearance == null ? null : clearance.postId,
                clearance == null ? null : clearance.version, details);
    }
}
