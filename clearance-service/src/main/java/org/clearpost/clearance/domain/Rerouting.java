package org.clearpost.clearance.domain;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import org.clearpost.clearance.audit.AuditAction;
import org.clearpost.clearance.audit.AuditLog;
import org.clearpost.clearance.deadline.CalendarSource;
import org.clearpost.clearance.deadline.DueTime;
import org.clearpost.clearance.impartiality.Flag;
import org.clearpost.clearance.impartiality.ImpartialityCheck;
import org.clearpost.clearance.impartiality.PolicyTerms;
import org.clearpost.clearance.preelection.PeriodChanged;
import org.clearpost.clearance.preelection.PreElectionPeriod;
import org.clearpost.clearance.preelection.PreElectionService;
import org.clearpost.clearance.routing.Route;
import org.clearpost.clearance.routing.RouteChoice;
import org.clearpost.clearance.routing.RouteRules;
import org.clearpost.clearance.routing.Routes;
import org.clearpost.events.ClearanceRerouted;
import org.clearpost.support.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * Keeps open cases on the route the rules give them now (policy 3.4): a pre-election period declared, changed or
 * cancelled after a case opened moves the cases it covers, or no longer covers; and a case still on another route
 * when a period governs its decision moves before anyone approves it. Each move is audited (CASE_REROUTED) and
 * published (ClearanceRerouted) in the transaction that caused it.
 */
@ApplicationScoped
public class Rerouting {

    private static final Logger LOG = Logger.getLogger(Rerouting.class);
    static final String SYSTEM = "clearance-service";

    private final Outbox outbox;
    private final Clock clock;
    private final AuditLog auditLog;
    private final Routes routes;
    private final PreElectionService preElection;
    private final CalendarSource calendar;
    private final ImpartialityCheck impartiality;

    public Rerouting(Outbox outbox, Clock clock, AuditLog auditLog, Routes routes, PreElectionService preElection,
            CalendarSource calendar, PolicyTerms terms) {
        this.outbox = outbox;
        this.clock = clock;
        this.auditLog = auditLog;
        this.routes = routes;
        this.preElection = preElection;
        this.calendar = calendar;
        this.impartiality = new ImpartialityCheck(terms);
    }

    /**
     * Re-routes every open case whose submission or scheduled time lies in the period as it is now or as it was
     * before the change. Crisis cases stay: crisis comes before any period.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onPeriodChanged(@Observes PeriodChanged change) {
        List<String> windows = new ArrayList<>();
        Parameters parameters = Parameters.with("pending", CaseStatus.PENDING).and("crisis", Route.CRISIS);
        window(windows, parameters, "now", change.startsAt(), change.endsAt());
        window(windows, parameters, "before", change.previousStartsAt(), change.previousEndsAt());
        if (windows.isEmpty()) {
            return;
        }
        List<ClearanceCase> covered = ClearanceCase.<ClearanceCase>find("status = :pending and route <> :crisis and ("
                + String.join(" or ", windows) + ") order by submittedAt", parameters)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        String cause = "pre-election period \"" + change.name() + "\" " + change.change() + " by " + change.actor();
        for (ClearanceCase clearance : covered) {
            Optional<PreElectionPeriod> period = preElection.inForceAt(clearance.submittedAt).or(() ->
                    clearance.scheduledAt == null ? Optional.empty() : preElection.inForceAt(clearance.scheduledAt));
            RouteChoice choice = RouteRules.choose(clearance.drafted == null ? null : clearance.drafted.liveEvent(),
                    clearance.submittedAt, clearance.scheduledAt, null, period.map(p -> p.name).orElse(null),
                    routes.liveMargin());
            if (!choice.route().equals(clearance.route)) {
                reroute(clearance, choice, change.actor(), cause, period.map(p -> p.id).orElse(change.periodId()),
                        period.isPresent());
            }
        }
    }

    /**
     * Before an approval: a case not on the pre-election route (nor crisis) whose decision a period now governs
     * (in force now, or at the post's scheduled time) moves to the pre-election route first, so purdah's clearer
     * and lead both see it. Covers a period that began while the case waited.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void beforeApproval(UUID caseId) {
        ClearanceCase clearance = ClearanceCase.<ClearanceCase>findByIdOptional(caseId,
                LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (clearance == null || clearance.status != CaseStatus.PENDING || Route.PRE_ELECTION.equals(clearance.route)
                || Route.CRISIS.equals(clearance.route)) {
            return;
        }
        preElection.governing(clearance.scheduledAt).ifPresent(period -> reroute(clearance,
                new RouteChoice(Route.PRE_ELECTION, "pre-election period \"" + period.name
                        + "\" is in force when the case is decided"),
                SYSTEM, "pre-election period \"" + period.name + "\" in force at the decision", period.id, true));
    }

    private void reroute(ClearanceCase clearance, RouteChoice choice, String actor, String cause, UUID periodId,
            boolean inPurdah) {
        String from = clearance.route;
        Route to = routes.named(choice.route());
        Instant now = clock.instant();
        Instant dueAt = dueAt(to, clearance);
        List<Flag> flags = clearance.drafted == null ? clearance.flags
                : impartiality.flags(clearance.drafted, inPurdah);
        List<StepTaken> setAside = clearance.reroute(choice, to, dueAt, flags, now);
        String reason = cause + ": " + choice.reason();
        ClearanceRerouted rerouted = new ClearanceRerouted(clearance.postId, clearance.version, clearance.id, from,
                choice.route(), reason, periodId, now);
        outbox.append(rerouted);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("caseId", clearance.id);
        details.put("fromRoute", from);
        details.put("toRoute", choice.route());
        details.put("reason", reason);
        details.put("preElectionPeriodId", periodId);
        details.put("steps", to.steps());
        details.put("stepsCounted", clearance.stepsTaken);
        details.put("stepsSetAside", setAside);
        details.put("dueAt", dueAt);
        details.put("flags", flags);
        auditLog.append(actor, AuditAction.CASE_REROUTED, clearance.postId, clearance.version, details);
    }

    private Instant dueAt(Route route, ClearanceCase clearance) {
        try {
            return DueTime.of(route, clearance.submittedAt, clearance.scheduledAt, calendar.calendar());
        } catch (IllegalStateException noHolidayData) {
            // As when the case opened: a wall-clock deadline rather than none.
            LOG.warnf("Counting %s's due time in wall-clock time: %s", clearance.postId, noHolidayData.getMessage());
            return DueTime.inWallClock(route, clearance.submittedAt, clearance.scheduledAt);
        }
    }

    private static void window(List<String> windows, Parameters parameters, String name, Instant from, Instant to) {
        if (from == null || to == null) {
            return;
        }
        windows.add("(submittedAt >= :" + name + "From and submittedAt < :" + name + "To) or (scheduledAt >= :"
                + name + "From and scheduledAt < :" + name + "To)");
        parameters.and(name + "From", from).and(name + "To", to);
    }
}
