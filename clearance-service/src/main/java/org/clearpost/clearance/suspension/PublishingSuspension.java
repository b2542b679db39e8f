package org.clearpost.clearance.suspension;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.clearpost.events.PublishingResumed;
import org.clearpost.events.PublishingSuspended;

/** One emergency stop of all publishing: in force until resumed. */
@Entity
@Table(name = "publishing_suspension")
public class PublishingSuspension extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "suspended_by")
    public String suspendedBy;

    public String reason;

    @Column(name = "suspended_at")
    public Instant suspendedAt;

    @Column(name = "resumed_by")
    public String resumedBy;

    @Column(name = "resume_reason")
    public String resumeReason;

    @Column(name = "resumed_at")
    public Instant resumedAt;

    protected PublishingSuspension() {
    }

    /** Times are kept to the microsecond, as PostgreSQL stores them, so the event and the row say the same. */
    static PublishingSuspension start(String suspendedBy, String reason, Instant now) {
        PublishingSuspension suspension = new PublishingSuspension();
        suspension.id = UUID.randomUUID();
        suspension.suspendedBy = suspendedBy;
        suspension.reason = reason;
        suspension.suspendedAt = now.truncatedTo(ChronoUnit.MICROS);
        return suspension;
    }

    PublishingSuspended suspended() {
        return new PublishingSuspended(id, suspendedBy, reason, suspendedAt);
    }

    PublishingResumed resume(String resumedBy, String reason, Instant now) {
        this.resumedBy = resumedBy;
        this.resumeReason = reason;
        this.resumedAt = now.truncatedTo(ChronoUnit.MICROS);
        return new PublishingResumed(id, resumedBy, reason, resumedAt);
    }

    public boolean inForce() {
        return resumedAt == null;
    }
}
