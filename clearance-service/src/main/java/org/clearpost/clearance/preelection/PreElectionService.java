package org.clearpost.clearance.preelection;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.calendar.OfficeHours;
import org.clearpost.clearance.audit.AuditAction;
import org.clearpost.clearance.audit.AuditLog;
import org.clearpost.clearance.config.PreElectionConfig;
import org.clearpost.events.Network;
import org.clearpost.events.PreElectionPeriodCancelled;
import org.clearpost.events.PreElectionPeriodDeclared;
import org.clearpost.support.outbox.Outbox;
import org.clearpost.support.problem.ProblemException;

/** Declaring, changing and cancelling pre-election periods; which one is in force; the suggested pinned notice. */
@ApplicationScoped
public class PreElectionService {

    static final int LIST_SIZE = 200;
    private static final DateTimeFormatter NOTICE_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;
    private final PreElectionConfig config;
    private final Event<PeriodChanged> changes;

    public PreElectionService(Outbox outbox, AuditLog auditLog, Clock clock, PreElectionConfig config,
            Event<PeriodChanged> changes) {
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
        this.config = config;
        this.changes = changes;
    }

    @Transactional
    public PreElectionPeriod declare(String actor, PeriodTerms terms) {
        PreElectionPeriod period = PreElectionPeriod.declare(terms, actor, clock.instant());
        period.persist();
        PreElectionPeriodDeclared declared = period.declared();
        outbox.append(declared);
        auditLog.append(actor, AuditAction.PRE_ELECTION_PERIOD_DECLARED, null, null, declared);
        changes.fire(new PeriodChanged(period.id, period.name, "declared", actor, null, null, period.startsAt,
                period.endsAt));
        return period;
    }

    @Transactional
    public PreElectionPeriod change(UUID id, String actor, PeriodTerms terms) {
        PreElectionPeriod period = active(id);
        Instant previousStartsAt = period.startsAt;
        Instant previousEndsAt = period.endsAt;
        PreElectionPeriodDeclared declared = period.change(terms, actor, clock.instant());
        outbox.append(declared);
        auditLog.append(actor, AuditAction.PRE_ELECTION_PERIOD_CHANGED, null, null, declared);
        changes.fire(new PeriodChanged(id, period.name, "changed", actor, previousStartsAt, previousEndsAt,
                period.startsAt, period.endsAt));
        return period;
    }

    @Transactional
    public PreElectionPeriod cancel(UUID id, String actor, String reason) {
        PreElectionPeriod period = active(id);
        PreElectionPeriodCancelled cancelled = period.cancel(actor, reason, clock.instant());
        outbox.append(cancelled);
        auditLog.append(actor, AuditAction.PRE_ELECTION_PERIOD_CANCELLED, null, null,
                Map.of("periodId", id, "name", period.name, "cancelledBy", actor, "reason", reason,
                        "cancelledAt", cancelled.cancelledAt()));
        changes.fire(new PeriodChanged(id, period.name, "cancelled", actor, period.startsAt, period.endsAt, null,
                null));
        return period;
    }

    /** Newest start first, cancelled ones included. */
    @Transactional
    public List<PreElectionPeriod> list() {
        return PreElectionPeriod.<PreElectionPeriod>findAll(Sort.descending("startsAt")).page(Page.ofSize(LIST_SIZE))
                .list();
    }

    /** The period in force at {@code instant}; of overlapping ones, the one that started first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PreElectionPeriod> inForceAt(Instant instant) {
        return PreElectionPeriod.<PreElectionPeriod>find(
                "cancelledAt is null and startsAt <= ?1 and endsAt > ?1", Sort.ascending("startsAt"), instant)
                .firstResultOptional();
    }

    /**
     * The period whose rules a clearance decision taken now must follow: one in force now, or else one in force when
     * the post is scheduled to go out (cleared now, published in purdah).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PreElectionPeriod> governing(Instant scheduledAt) {
        Optional<PreElectionPeriod> now = inForceAt(clock.instant());
        return now.isPresent() || scheduledAt == null ? now : inForceAt(scheduledAt);
    }

    @Transactional
    public List<Exemption> exemptions() {
        return Exemption.<Exemption>findAll(Sort.descending("grantedAt")).page(Page.ofSize(LIST_SIZE)).list();
    }

    /** The notice to pin on an account for the period in force, or else the next one declared. */
    @Transactional
    public String notice(Network network, String account) {
        Instant now = clock.instant();
        PreElectionPeriod period = inForceAt(now).or(() -> PreElectionPeriod.<PreElectionPeriod>find(
                "cancelledAt is null and startsAt > ?1", Sort.ascending("startsAt"), now).firstResultOptional())
                .orElseThrow(() -> ProblemException.notFound("Pre-election period", "in force or upcoming"));
        String end = NOTICE_DATE.format(period.endsAt.minusNanos(1).atZone(OfficeHours.LONDON));
        return config.noticeTemplate().replace("{period}", period.name).replace("{end}", end)
                .replace("{network}", network.name()).replace("{account}", account);
    }

    private static PreElectionPeriod active(UUID id) {
        PreElectionPeriod period = PreElectionPeriod.<PreElectionPeriod>findByIdOptional(id,
                LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> ProblemException.notFound("Pre-election period", id));
        if (period.cancelled()) {
            throw ProblemException.conflict("Period cancelled", "Pre-election period " + id + " was cancelled on "
                    + period.cancelledAt + " and can no longer be changed");
        }
        return period;
    }
}
