package org.clearpost.publisher.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One emergency stop announced by clearance; in force until resumed. Written by {@link PublishingControl}. */
@Entity
@Table(name = "publishing_suspension")
public class PublishingSuspension extends PanacheEntityBase {

    @Id
    @Column(name = "suspension_id")
    public UUID suspensionId;

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
}
