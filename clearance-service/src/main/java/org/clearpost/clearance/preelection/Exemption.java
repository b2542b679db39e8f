package org.clearpost.clearance.preelection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An essential post cleared while a pre-election period was in force. */
@Entity
@Table(name = "pre_election_exemption")
public class Exemption extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "period_id")
    public UUID periodId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "post_id")
    public UUID postId;

    public int version;

    @Column(name = "granted_by")
    public String grantedBy;

    @Column(name = "essential_reason")
    public String essentialReason;

    public String comment;

    @Column(name = "granted_at")
    public Instant grantedAt;

    protected Exemption() {
    }

    public static Exemption grant(UUID periodId, UUID caseId, UUID postId, int version, String grantedBy,
            String essentialReason, String comment, Instant now) {
        Exemption exemption = new Exemption();
        exemption.id = UUID.randomUUID();
        exemption.periodId = periodId;
        exemption.caseId = caseId;
        exemption.postId = postId;
        exemption.version = version;
        exemption.grantedBy = grantedBy;
        exemption.essentialReason = essentialReason;
        exemption.comment = comment;
        exemption.grantedAt = now;
        return exemption;
    }
}
