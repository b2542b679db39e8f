package org.clearpost.clearance.crisis;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One spell of crisis mode: new cases take the crisis route until it ends. */
@Entity
@Table(name = "crisis_mode")
public class CrisisMode extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "started_by")
    public String startedBy;

    public String reason;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "ended_at")
    public Instant endedAt;

    protected CrisisMode() {
    }

    static CrisisMode start(String startedBy, String reason, Instant now) {
        CrisisMode crisis = new CrisisMode();
        crisis.id = UUID.randomUUID();
        crisis.startedBy = startedBy;
        crisis.reason = reason;
        crisis.startedAt = now;
        return crisis;
    }

    void end(String endedBy, String reason, Instant now) {
        this.endedBy = endedBy;
        this.endReason = reason;
        this.endedAt = now;
    }

    public boolean on() {
        return endedAt == null;
    }
}
