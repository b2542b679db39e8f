package org.clearpost.clearance.duty;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.clearpost.clearance.audit.AuditAction;
import org.clearpost.clearance.audit.AuditLog;

/** Clearers mark themselves on or off duty; live-event routes accept only clearers on duty. */
@ApplicationScoped
public class DutyService {

    private final AuditLog auditLog;
    private final Clock clock;

    public DutyService(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional
    public ClearerDuty set(String username, boolean onDuty) {
        ClearerDuty duty = ClearerDuty.findById(username);
        boolean first = duty == null;
        if (first) {
            duty = new ClearerDuty();
            duty.username = username;
        }
        duty.onDuty = onDuty;
        duty.changedAt = clock.instant();
        if (first) {
            duty.persist();
        }
        auditLog.append(username, onDuty ? AuditAction.CLEARER_ON_DUTY : AuditAction.CLEARER_OFF_DUTY, null, null,
                Map.of("username", username));
        return duty;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isOnDuty(String username) {
        ClearerDuty duty = ClearerDuty.findById(username);
        return duty != null && duty.onDuty;
    }

    @Transactional
    public List<ClearerDuty> onDuty() {
        return ClearerDuty.list("onDuty", Sort.ascending("username"), true);
    }
}
