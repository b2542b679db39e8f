package org.clearpost.clearance.domain;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.calendar.BusinessCalendar;
import org.clearpost.clearance.audit.AuditAction;
import org.clearpost.clearance.audit.AuditLog;
import org.clearpost.clearance.config.OverdueConfig;
import org.clearpost.clearance.crisis.CrisisMode;
import org.clearpost.clearance.crisis.CrisisService;
import org.clearpost.clearance.deadline.CalendarSource;
import org.clearpost.clearance.deadline.DueTime;
import org.clearpost.clearance.duty.DutyService;
import org.clearpost.clearance.impartiality.Flag;
import org.clearpost.clearance.impartiality.ImpartialityCheck;
import org.clearpost.clearance.impartiality.PolicyTerms;
import org.clearpost.clearance.notification.OverdueNotifications;
import org.clearpost.clearance.preelection.Exemption;
import org.clearpost.clearance.preelection.PreElectionPeriod;
import org.clearpost.clearance.preelection.PreElectionRefusals;
import org.clearpost.clearance.preelection.PreElectionService;
import org.clearpost.clearance.preelection.PurdahRules;
import org.clearpost.clearance.routing.Route;
import org.clearpost.clearance.routing.RouteChoice;
import org.clearpost.clearance.routing.RouteRules;
import org.clearpost.clearance.routing.RouteStep;
import org.clearpost.clearance.routing.Routes;
import org.clearpost.clearance.signing.DecisionSigner;
import org.clearpost.events.ChangesRequested;
import org.clearpost.events.ClearanceCaseOpened;
import org.clearpost.events.ClearanceOverdue;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostRejected;
import org.clearpost.events.PostVersionWithdrawn;
import org.clearpost.events.PreElectionExemptionGranted;
import org.clearpost.events.PreElectionRefused;
import org.clearpost.support.outbox.Outbox;
import org.clearpost.support.problem.ProblemException;
import org.jboss.logging.Logger;

/** Clearance's use cases: open a case per submitted version, take it along its route, tell the others via the outbox. */
@ApplicationScoped
public class ClearanceService {

    private static final Logger LOG = Logger.getLogger(ClearanceService.class);
    /** Cases marked overdue per scan transaction; the next scan takes the rest. */
    static final int OVERDUE_BATCH = 100;
    /** Hibernate's lock timeout meaning SKIP LOCKED: two instances scanning at once never take the same case. */
    private static final int SKIP_LOCKED = -2;

    private final Outbox outbox;
    private final Clock clock;
    private final AuditLog auditLog;
    private final Routes routes;
    private final CrisisService crisis;
    private final PreElectionService preElection;
    private final DutyService duty;
    private final CalendarSource calendar;
    private final PolicyTerms terms;
    private final ImpartialityCheck impartiality;
    private final OverdueConfig overdue;
    private final Rerouting rerouting;
    private final OverdueNotifications notifications;
    private final DecisionSigner signer;
    private final PreElectionRefusals preElectionRefusals;

    public ClearanceService(Outbox outbox, Clock clock, AuditLog auditLog, Routes routes, CrisisService crisis,
            PreElectionService preElection, DutyService duty, CalendarSource calendar, PolicyTerms terms,
            OverdueConfig overdue, Rerouting rerouting, OverdueNotifications notifications, DecisionSigner signer,
            PreElectionRefusals preElectionRefusals) {
        this.outbox = outbox;
        this.clock = clock;
        this.auditLog = auditLog;
        this.routes = routes;
        this.crisis = crisis;
        this.preElection = preElection;
        this.duty = duty;
        this.calendar = calendar;
        this.terms = terms;
        this.impartiality = new ImpartialityCheck(terms);
        this.overdue = overdue;
        this.rerouting = rerouting;
        this.notifications = notifications;
        this.signer = signer;
        this.preElectionRefusals = preElectionRefusals;
    }

    /**
     * A submitted version opens a case on the route the rules choose, and withdraws any still-open case of an
     * earlier version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(PostDrafted drafted) {
        if (ClearanceCase.count("postId = ?1 and version = ?2", drafted.postId(), drafted.version()) > 0) {
            return;
        }
        // As for approval: a post scheduled to go out during a period is cleared under its rules, so on its route.
        Optional<PreElectionPeriod> period = preElection.inForceAt(drafted.submittedAt()).or(() ->
                drafted.scheduledAt() == null ? Optional.empty() : preElection.inForceAt(drafted.scheduledAt()));
        Optional<CrisisMode> crisisMode = crisis.current();
        RouteChoice choice = RouteRules.choose(drafted, crisisMode.map(c -> c.reason).orElse(null),
                period.map(p -> p.name).orElse(null), routes.liveMargin());
        Route route = routes.named(choice.route());
        Instant dueAt = dueAt(route, drafted);
        List<Flag> flags = impartiality.flags(drafted, period.isPresent());
        ClearanceCase opened = ClearanceCase.open(drafted, choice, dueAt, flags);
        opened.persist();
        // The start of the turnaround clock (submittedAt) and the route with its reason, for analytics' figures.
        outbox.append(new ClearanceCaseOpened(drafted.postId(), drafted.version(), opened.id, choice.route(),
                choice.reason(), period.map(p -> p.id).orElse(null), flags.size(), dueAt, drafted.submittedAt(),
                clock.instant()));
        auditLog.append(drafted.author(), AuditAction.POST_VERSION_SUBMITTED, drafted.postId(), drafted.version(),
                drafted);
        Map<String, Object> routing = new LinkedHashMap<>();
        routing.put("caseId", opened.id);
        routing.put("route", choice.route());
        routing.put("reason", choice.reason());
        routing.put("steps", route.steps());
        routing.put("dueAt", dueAt);
        routing.put("flags", flags);
        period.ifPresent(p -> routing.put("preElectionPeriodId", p.id));
        crisisMode.ifPresent(c -> routing.put("crisisId", c.id));
        auditLog.append("clearance-service", AuditAction.ROUTE_CHOSEN, drafted.postId(), drafted.version(), routing);
        // Locked like every decision's read, so an approval racing this withdrawal waits instead of being overwritten.
        ClearanceCase.<ClearanceCase>find("postId = ?1 and version < ?2 and status = ?3", drafted.postId(),
                drafted.version(), CaseStatus.PENDING).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(earlier -> {
                    earlier.withdraw();
                    auditLog.append(drafted.author(), AuditAction.CASE_WITHDRAWN, earlier.postId, earlier.version,
                            Map.of("caseId", earlier.id, "supersededByVersion", drafted.version()));
                });
    }

    /** Drafting withdrew a version: its open case closes without a decision. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdraw(PostVersionWithdrawn withdrawn) {
        ClearanceCase.<ClearanceCase>find("postId = ?1 and version = ?2 and status = ?3", withdrawn.postId(),
                withdrawn.version(), CaseStatus.PENDING).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().ifPresent(open -> {
                    open.withdraw();
                    auditLog.append(withdrawn.withdrawnBy(), AuditAction.CASE_WITHDRAWN, open.postId, open.version,
                            Map.of("caseId", open.id, "withdrawnBy", withdrawn.withdrawnBy(),
                                    "reason", withdrawn.reason(), "withdrawnAt", withdrawn.withdrawnAt()));
                });
    }

    /**
     * Approves the case's next step. The last step clears it (PostCleared); in a pre-election period only essential
     * posts get there, each clearance then being an exemption on record.
     */
    @Transactional
    public ClearanceCase approve(UUID caseId, Decider decider, String comment) {
        // A period that began while the case waited puts it on the pre-election route before anyone approves it.
        rerouting.beforeApproval(caseId);
        ClearanceCase clearance = decidable(caseId, decider);
        Route route = routes.named(clearance.route);
        Optional<PreElectionPeriod> period = preElection.governing(clearance.scheduledAt);
        PostDrafted drafted = clearance.drafted;
        if (period.isPresent()) {
            PreElectionPeriod p = period.get();
            List<String> refusals = PurdahRules.refusals(drafted, p.name, p.startsAt, p.endsAt, terms);
            if (!refusals.isEmpty()) {
                // The 409 rolls this transaction back; the refusal is on record all the same (its own transaction).
                preElectionRefusals.record(new PreElectionRefused(p.id, clearance.postId, clearance.version,
                        clearance.id, refusals, decider.username(), clock.instant()));
                throw ProblemException.conflict("Refused during the pre-election period",
                        "This post cannot be cleared: " + String.join("; ", refusals));
            }
        }
        Instant now = clock.instant();
        RouteStep step = clearance.nextStep(route).orElseThrow();
        // Sealed (suspension in force stamped, signed) in this transaction: see DecisionSigner.
        Optional<PostCleared> cleared = clearance.approveStep(route, decider.username(), comment, now)
                .map(signer::seal);
        if (cleared.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("caseId", clearance.id);
            details.put("route", route.name());
            details.put("step", step.name());
            details.put("role", step.role());
            details.put("comment", comment);
            details.put("remainingSteps", clearance.remainingSteps(route));
            auditLog.append(decider.username(), AuditAction.STEP_APPROVED, clearance.postId, clearance.version,
                    details);
            return clearance;
        }
        Exemption exemption = period.map(p -> Exemption.grant(p.id, clearance.id, clearance.postId, clearance.version,
                decider.username(), drafted.essentialReason(), comment, now)).orElse(null);
        if (exemption != null) {
            exemption.persist();
            // Before the PostCleared it allows, as the exemption comes before the clearance.
            outbox.append(new PreElectionExemptionGranted(exemption.id, exemption.periodId, clearance.postId,
                    clearance.version, clearance.id, exemption.essentialReason, exemption.grantedBy, comment, now));
        }
        outbox.append(cleared.get());
        auditLog.append(decider.username(), AuditAction.CASE_APPROVED, clearance.postId, clearance.version,
                cleared.get());
        if (exemption != null) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("exemptionId", exemption.id);
            details.put("caseId", clearance.id);
            details.put("periodId", exemption.periodId);
            details.put("periodName", period.get().name);
            details.put("grantedBy", exemption.grantedBy);
            details.put("essentialReason", exemption.essentialReason);
            details.put("comment", comment);
            details.put("grantedAt", now);
            auditLog.append(decider.username(), AuditAction.PRE_ELECTION_EXEMPTION, clearance.postId,
                    clearance.version, details);
        }
        return clearance;
    }

    @Transactional
    public ClearanceCase reject(UUID caseId, Decider decider, String comment) {
        ClearanceCase clearance = decidable(caseId, decider);
        PostRejected rejected = clearance.reject(decider.username(), comment, clock.instant());
        outbox.append(rejected);
        auditLog.append(decider.username(), AuditAction.CASE_REJECTED, rejected.postId(), rejected.version(),
                rejected);
        return clearance;
    }

    @Transactional
    public ClearanceCase requestChanges(UUID caseId, Decider decider, String comment) {
        ClearanceCase clearance = decidable(caseId, decider);
        ChangesRequested requested = clearance.requestChanges(decider.username(), comment, clock.instant());
        outbox.append(requested);
        auditLog.append(decider.username(), AuditAction.CHANGES_REQUESTED, requested.postId(), requested.version(),
                requested);
        return clearance;
    }

    /**
     * Marks up to {@link #OVERDUE_BATCH} undecided cases past their due time overdue, once each, telling the leads;
     * returns how many, so the scan knows whether to go on.
     */
    @Transactional
    public int markOverdue() {
        Instant now = clock.instant();
        List<ClearanceCase> late = ClearanceCase.<ClearanceCase>find(
                "status = ?1 and overdueAt is null and dueAt < ?2", Sort.ascending("dueAt"), CaseStatus.PENDING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(Page.ofSize(OVERDUE_BATCH)).list();
        for (ClearanceCase clearance : late) {
            clearance.markOverdue(now);
            ClearanceOverdue event = new ClearanceOverdue(clearance.postId, clearance.version, clearance.id,
                    clearance.route, clearance.dueAt, overdue.leads(), now);
            outbox.append(event);
            // Queued, not sent: delivery happens later, so a slow mail server cannot hold up or undo this scan.
            notifications.queue(event, clearance.author, clearance.text);
            auditLog.append("clearance-service", AuditAction.CASE_OVERDUE, clearance.postId, clearance.version,
                    event);
        }
        return late.size();
    }

    @Transactional
    public ClearanceCase find(UUID caseId) {
        ClearanceCase clearance = ClearanceCase.findById(caseId);
        if (clearance == null) {
            throw ProblemException.notFound("Clearance case", caseId);
        }
        return clearance;
    }

    /** The queue, soonest due first. */
    @Transactional
    public List<ClearanceCase> list(CaseFilter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.postId() != null) {
            where.add("postId = :postId");
            parameters.and("postId", filter.postId());
        }
        if (filter.route() != null) {
            where.add("route = :route");
            parameters.and("route", filter.route());
        }
        if (filter.dueBefore() != null) {
            where.add("dueAt < :dueBefore");
            parameters.and("dueBefore", filter.dueBefore());
        }
        if (filter.overdue() != null) {
            where.add(filter.overdue() ? "overdueAt is not null" : "overdueAt is null");
        }
        if (filter.campaign() != null) {
            where.add("campaignSlug = :campaign");
            parameters.and("campaign", filter.campaign());
        }
        if (filter.network() != null) {
            where.add("networks like :network");
            parameters.and("network", "% " + filter.network().name() + " %");
        }
        if (filter.flagged() != null) {
            where.add("flagged = :flagged");
            parameters.and("flagged", filter.flagged());
        }
        Sort soonestDue = Sort.by("dueAt", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST)
                .and("submittedAt");
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return ClearanceCase.<ClearanceCase>find(query, soonestDue, parameters).page(Page.of(page, size)).list();
    }

    public Route routeOf(ClearanceCase clearance) {
        return routes.named(clearance.route);
    }

    private Instant dueAt(Route route, PostDrafted drafted) {
        BusinessCalendar businessCalendar = calendar.calendar();
        try {
            return DueTime.of(route, drafted.submittedAt(), drafted.scheduledAt(), businessCalendar);
        } catch (IllegalStateException noHolidayData) {
            // The bank holiday data does not reach this far: better a wall-clock deadline than a lost case.
            LOG.warnf("Counting %s's due time in wall-clock time: %s", drafted.postId(), noHolidayData.getMessage());
            return DueTime.inWallClock(route, drafted.submittedAt(), drafted.scheduledAt());
        }
    }

    /**
     * Who may take the case's next step. Two-person rule (policy 5.1): whoever wrote any version of a post may not
     * decide it, whatever their roles; the check is on every version, so re-submitting someone else's draft does not
     * make it decidable by its author. Then: the step's role, a different person for each step, and for live-event
     * routes a clearer on duty.
     */
    private ClearanceCase decidable(UUID caseId, Decider decider) {
        ClearanceCase clearance = ClearanceCase.<ClearanceCase>findByIdOptional(caseId,
                LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> ProblemException.notFound("Clearance case", caseId));
        String person = decider.username();
        boolean wroteAVersion = ClearanceCase.count("postId = ?1 and author = ?2", clearance.postId, person) > 0;
        if (wroteAVersion) {
            throw ProblemException.forbidden("Two-person rule",
                    "You wrote a version of this post, so another member of Communications must clear it");
        }
        Route route = routes.named(clearance.route);
        RouteStep step = clearance.nextStep(route).orElseThrow(clearance::notDecidable);
        if (!decider.roles().contains(step.role())) {
            throw ProblemException.forbidden("Step needs another role", "Step \"" + step.name() + "\" of the "
                    + route.name() + " route must be taken by someone with the " + step.role() + " role");
        }
        if (clearance.tookAStep(person)) {
            throw ProblemException.forbidden("One step per person",
                    "You already took a step of this case; each step of the " + route.name()
                            + " route must be taken by a different person");
        }
        if (route.onDutyOnly() && !duty.isOnDuty(person)) {
            throw ProblemException.forbidden("Not on duty", "Only a clearer on duty may decide " + route.name()
                    + " cases; mark yourself on duty first");
        }
        return clearance;
    }
}
