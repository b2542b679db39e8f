package org.clearpost.clearance.audit;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Recomputes the whole chain from the first entry; one read-only pass in one snapshot. */
@ApplicationScoped
public class AuditChainVerifier {

    private static final Logger LOG = Logger.getLogger(AuditChainVerifier.class);

    private final AuditLog auditLog;

    public AuditChainVerifier(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** Allowed up to an hour: reading a long log through outlasts the default transaction timeout. */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public ChainVerification verify() {
        ChainCheck check = new ChainCheck();
        auditLog.walk(check::accept);
        ChainVerification result = check.result();
        if (!result.valid()) {
            LOG.errorf("Audit chain broken at seq %d: %s", result.firstBrokenSeq(), result.reason());
        }
        return result;
    }
}
