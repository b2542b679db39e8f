package org.clearpost.clearance.preelection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.clearpost.events.PreElectionPeriodCancelled;
import org.clearpost.events.PreElectionPeriodDeclared;

/** A pre-election period (purdah): in force from {@code startsAt} (inclusive) to {@code endsAt} unless cancelled. */
@Entity
@Table(name = "pre_election_period")
public class PreElectionPeriod extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String kind;

    public String scope;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "declared_by")
    public String declaredBy;

    @Column(name = "declared_at")
    public Instant declaredAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    protected PreElectionPeriod() {
    }

    static PreElectionPeriod declare(PeriodTerms terms, String declaredBy, Instant now) {
        PreElectionPeriod period = new PreElectionPeriod();
        period.id = UUID.randomUUID();
        period.change(terms, declaredBy, now);
        return period;
    }

    /** A change re-declares the period: whoever changed it is the one who declared its terms now in force. */
    PreElectionPeriodDeclared change(PeriodTerms terms, String declaredBy, Instant now) {
        name = terms.name();
        kind = terms.kind();
        scope = terms.scope();
        startsAt = terms.startsAt();
        endsAt = terms.endsAt();
        this.declaredBy = declaredBy;
        declaredAt = now;
        return declared();
    }

    PreElectionPeriodDeclared declared() {
        return new PreElectionPeriodDeclared(id, name, kind, scope, startsAt, endsAt, declaredBy, declaredAt);
    }

    PreElectionPeriodCancelled cancel(String cancelledBy, String reason, Instant now) {
        this.cancelledBy = cancelledBy;
        this.cancelReason = reason;
        this.cancelledAt = now;
        return new PreElectionPeriodCancelled(id, cancelledBy, reason, now);
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }
}
