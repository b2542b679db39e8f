package org.clearpost.clearance.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clearpost.clearance.impartiality.Flag;
import org.clearpost.clearance.routing.Route;
import org.clearpost.clearance.routing.RouteChoice;
import org.clearpost.clearance.routing.RouteStep;
import org.clearpost.events.ChangesRequested;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostRejected;
import org.clearpost.events.Target;
import org.clearpost.support.problem.ProblemException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One post version waiting for, or having had, a clearance decision. */
@Entity
@Table(name = "clearance_case")
public class ClearanceCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "post_id")
    public UUID postId;

    public int version;

    @Column(name = "content_hash")
    public String contentHash;

    public String author;

    public String text;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Target> targets;

    @Column(name = "scheduled_at")
    public Instant scheduledAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_comment")
    public String decisionComment;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The event as drafting sent it: the content fields PostCleared copies, and what the case view shows. */
    @JdbcTypeCode(SqlTypes.JSON)
    public PostDrafted drafted;

    public String route;

    @Column(name = "route_reason")
    public String routeReason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "steps_taken")
    public List<StepTaken> stepsTaken;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Flag> flags;

    public boolean flagged;

    @Column(name = "campaign_slug")
    public String campaignSlug;

    /** The targets' networks, space-separated with a space either side, for the queue's network filter. */
    public String networks;

    @Column(name = "due_at")
    public Instant dueAt;

    /** When the overdue scan found it undecided past its due time; set once. */
    @Column(name = "overdue_at")
    public Instant overdueAt;

    protected ClearanceCase() {
    }

    public static ClearanceCase open(PostDrafted drafted, RouteChoice route, Instant dueAt, List<Flag> flags) {
        ClearanceCase clearance = new ClearanceCase();
        clearance.id = UUID.randomUUID();
        clearance.postId = drafted.postId();
        clearance.version = drafted.version();
        clearance.contentHash = drafted.contentHash();
        clearance.author = drafted.author();
        clearance.text = drafted.text();
        clearance.targets = List.copyOf(drafted.targets());
        clearance.scheduledAt = drafted.scheduledAt();
        clearance.submittedAt = drafted.submittedAt();
        clearance.status = CaseStatus.PENDING;
        clearance.drafted = drafted;
        clearance.route = route.route();
        clearance.routeReason = route.reason();
        clearance.stepsTaken = List.of();
        clearance.flags = List.copyOf(flags);
        clearance.flagged = !flags.isEmpty();
        clearance.campaignSlug = drafted.campaign() == null ? null : drafted.campaign().slug();
        clearance.networks = drafted.targets().stream().map(t -> t.network().name()).distinct()
                .collect(Collectors.joining(" ", " ", " "));
        clearance.dueAt = dueAt;
        return clearance;
    }

    /** The step the next approval takes, if the case is still undecided. */
    public Optional<RouteStep> nextStep(Route route) {
        return status == CaseStatus.PENDING && stepsTaken.size() < route.steps().size()
                ? Optional.of(route.steps().get(stepsTaken.size()))
                : Optional.empty();
    }

    public List<RouteStep> remainingSteps(Route route) {
        return status == CaseStatus.PENDING ? route.steps().subList(Math.min(stepsTaken.size(), route.steps().size()),
                route.steps().size()) : List.of();
    }

    public boolean tookAStep(String person) {
        return stepsTaken.stream().anyMatch(step -> step.takenBy().equals(person));
    }

    /**
     * Approves the route's next step. The last step clears the case and gives the PostCleared to publish, with every
     * content field of the version as drafted; an earlier step only records who took it.
     */
    public Optional<PostCleared> approveStep(Route route, String clearer, String comment, Instant now) {
        RouteStep step = nextStep(route).orElseThrow(this::notDecidable);
        List<StepTaken> taken = new ArrayList<>(stepsTaken);
        taken.add(new StepTaken(step.name(), step.role(), clearer, comment, now));
        stepsTaken = List.copyOf(taken);
        if (taken.size() < route.steps().size()) {
            return Optional.empty();
        }
        decide(CaseStatus.CLEARED, clearer, comment, now);
        // Cases opened before the drafted event was kept carry only text and targets.
        return Optional.of(drafted == null
                ? new PostCleared(postId, version, contentHash, author, route.name(), clearer, comment, text,
                        targets, scheduledAt, null, null, null, null, now)
                : new PostCleared(postId, version, contentHash, author, route.name(), clearer, comment, text,
                        targets, scheduledAt, drafted.campaign(), drafted.liveEvent(), drafted.replyTo(),
                        drafted.repostOf(), now));
    }

    public ChangesRequested requestChanges(String clearer, String comment, Instant now) {
        decide(CaseStatus.CHANGES_REQUESTED, clearer, comment, now);
        return new ChangesRequested(postId, version, contentHash, clearer, comment, now);
    }

    public PostRejected reject(String clearer, String comment, Instant now) {
        decide(CaseStatus.REJECTED, clearer, comment, now);
        return new PostRejected(postId, version, contentHash, clearer, comment, now);
    }

    void withdraw() {
        if (status == CaseStatus.PENDING) {
            status = CaseStatus.WITHDRAWN;
        }
    }

    /**
     * Moves the undecided case to another route. Steps already taken count for the new route where it has a step of
     * the same role at the same place, except its last step: that one clears the case, so someone takes it under the
     * new route. Steps that do not count are returned (the audit log keeps them); the new due time restarts the
     * overdue watch if it lies ahead.
     */
    List<StepTaken> reroute(RouteChoice choice, Route to, Instant newDueAt, List<Flag> newFlags, Instant now) {
        if (status != CaseStatus.PENDING) {
            throw notDecidable();
        }
        int counted = 0;
        int countable = to.steps().size() - 1;
        while (counted < stepsTaken.size() && counted < countable
                && stepsTaken.get(counted).role().equals(to.steps().get(counted).role())) {
            counted++;
        }
        List<StepTaken> setAside = List.copyOf(stepsTaken.subList(counted, stepsTaken.size()));
        stepsTaken = List.copyOf(stepsTaken.subList(0, counted));
        route = choice.route();
        routeReason = choice.reason();
        dueAt = newDueAt;
        if (overdueAt != null && newDueAt != null && newDueAt.isAfter(now)) {
            overdueAt = null;
        }
        flags = List.copyOf(newFlags);
        flagged = !newFlags.isEmpty();
        return setAside;
    }

    void markOverdue(Instant now) {
        overdueAt = now;
    }

    public boolean overdue() {
        return overdueAt != null;
    }

    ProblemException notDecidable() {
        return ProblemException.conflict("Case is " + status, "Clearance case " + id + " is " + status
                + " and can no longer be decided");
    }

    private void decide(CaseStatus outcome, String clearer, String comment, Instant now) {
        if (status != CaseStatus.PENDING) {
            throw notDecidable();
        }
        status = outcome;
        decidedBy = clearer;
        decisionComment = comment;
        decidedAt = now;
    }
}
