package org.clearpost.monitoring.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.clearpost.events.InboxAction;
import org.clearpost.events.MentionActioned;
import org.clearpost.events.MentionState;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;

/**
 * Working the inbox: reads, and every action a monitor takes on a mention, each in one transaction with its audit
 * rows and {@code MentionActioned} events (through {@link MentionStates}). An action on many mentions (a theme's) is
 * all or none: one mention that cannot take it is a 409 naming it, and nothing changes.
 */
@ApplicationScoped
public class InboxService {

    /** The actor of what the service does by itself (an expired claim released). */
    public static final String SYSTEM = "system";
    /** Most mentions one bulk action takes. */
    public static final int MAX_BULK = 500;

    private static final Set<MentionState> SETTABLE = EnumSet.of(MentionState.NEW, MentionState.ASSIGNED,
            MentionState.NO_RESPONSE_NEEDED, MentionState.CLOSED);
    private static final Set<MentionState> REOPENED_BY_ASSIGNING = EnumSet.of(MentionState.NEW, MentionState.CLOSED,
            MentionState.NO_RESPONSE_NEEDED);
    /** Nothing is left to answer: a claim would keep nobody from anything. */
    private static final Set<MentionState> UNCLAIMABLE = EnumSet.of(MentionState.ANSWERED, MentionState.CLOSED);

    private final InboxRepository repository;
    private final MentionStates states;
    private final InboxConfig config;
    private final Clock clock;

    public InboxService(InboxRepository repository, MentionStates states, InboxConfig config, Clock clock) {
        this.repository = repository;
        this.states = states;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public List<InboxMention> list(InboxFilter filter) {
        return repository.list(filter, now());
    }

    @Transactional
    public InboxMention find(UUID id) {
        return repository.find(id, now()).orElseThrow(() -> ProblemException.notFound("Mention", id));
    }

    @Transactional
    public List<MentionNote> notes(UUID id) {
        return repository.notes(id);
    }

    @Transactional
    public List<HistoryEntry> history(UUID id) {
        return repository.history(id);
    }

    /** One mention's action; answers the mention as it is afterwards. */
    @Transactional
    public InboxMention act(UUID id, InboxCommand command, String actor) {
        act(List.of(id), command, actor);
        return find(id);
    }

    /** The same action on every mention, all or none; answers them as they are afterwards, by id. */
    @Transactional
    public List<InboxMention> act(List<UUID> ids, InboxCommand command, String actor) {
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        validate(command);
        Map<UUID, InboxRepository.Locked> rows = repository.lock(distinct);
        for (UUID id : distinct) {
            if (!rows.containsKey(id)) {
                throw ProblemException.notFound("Mention", id);
            }
        }
        Instant now = now();
        for (InboxRepository.Locked row : rows.values()) {
            apply(row, command, actor, now);
        }
        return repository.find(distinct, now);
    }

    /** The same action on every (shown) mention of a theme. */
    @Transactional
    public List<InboxMention> actOnTheme(UUID themeId, InboxCommand command, String actor) {
        List<UUID> ids = repository.themeMentions(themeId, MAX_BULK + 1);
        if (ids.isEmpty()) {
            throw ProblemException.notFound("Theme", themeId);
        }
        if (ids.size() > MAX_BULK) {
            throw ProblemException.conflict("Theme too large",
                    "Theme " + themeId + " has more than " + MAX_BULK + " mentions; act on them by ids, in parts");
        }
        return act(ids, command, actor);
    }

    @Transactional
    public MentionNote addNote(UUID id, String text, String actor) {
        InboxRepository.Locked row = lockOne(id);
        MentionNote note = new MentionNote(UUID.randomUUID(), id, actor, text.strip(), now());
        repository.insertNote(note);
        record(row.id(), InboxAction.NOTE_ADDED, actor, row.status(), row.assignee(), note.text(), note.at());
        return note;
    }

    /**
     * Releases up to {@code batch} claims that expired, each audited as CLAIM_RELEASED by {@value #SYSTEM}. Rows
     * another replica (or a person's action) holds are skipped and left for the next sweep.
     *
     * @return how many were released
     */
    @Transactional
    public int releaseExpiredClaims(int batch) {
        Instant now = now();
        List<InboxRepository.Locked> expired = repository.lockExpiredClaims(now, batch);
        for (InboxRepository.Locked row : expired) {
            releaseExpired(row, now);
        }
        return expired.size();
    }

    private void validate(InboxCommand command) {
        if (command instanceof InboxCommand.ChangeState change) {
            if (!SETTABLE.contains(change.state())) {
                throw badRequest("state", change.state() + " is not set by hand: a mention awaits clearance once a "
                        + "reply is requested (POST /replies) and is answered once that reply is published; "
                        + "allowed: " + SETTABLE);
            }
            if (change.state() == MentionState.NO_RESPONSE_NEEDED && blank(change.reason())) {
                throw badRequest("reason", "NO_RESPONSE_NEEDED needs a reason (policy 4.1: why no answer is due)");
            }
        } else if (command instanceof InboxCommand.Labels labels) {
            if (labels.add().isEmpty() && labels.remove().isEmpty()) {
                throw badRequest("add", "name at least one label to add or remove");
            }
        }
    }

    private void apply(InboxRepository.Locked row, InboxCommand command, String actor, Instant now) {
        // Java 17: no pattern matching in switch yet.
        if (command instanceof InboxCommand.Assign assign) {
            assign(row, assign.assignee(), actor);
        } else if (command instanceof InboxCommand.Unassign) {
            unassign(row, actor, now);
        } else if (command instanceof InboxCommand.ChangeState change) {
            changeState(row, change, actor, now);
        } else if (command instanceof InboxCommand.Labels labels) {
            labels(row, labels, actor, now);
        } else if (command instanceof InboxCommand.TakeClaim) {
            claim(row, actor, now);
        } else if (command instanceof InboxCommand.ReleaseClaim release) {
            release(row, release.overrule(), actor, now);
        } else if (command instanceof InboxCommand.Prioritise prioritise) {
            prioritise(row, prioritise, actor, now);
        } else if (command instanceof InboxCommand.Hide hide) {
            hide(row, hide.reason(), actor, now);
        } else if (command instanceof InboxCommand.Show) {
            show(row, actor, now);
        }
    }

    private void assign(InboxRepository.Locked row, String assignee, String actor) {
        boolean reopens = REOPENED_BY_ASSIGNING.contains(row.status());
        if (assignee.equals(row.assignee()) && !reopens) {
            return; // already theirs: a repeated request changes nothing
        }
        repository.setAssignee(row.id(), assignee);
        if (reopens) {
            repository.setStateReason(row.id(), null);
            states.move(List.of(row.id()), MentionState.ASSIGNED, InboxAction.ASSIGNED, actor, assignee);
        } else {
            record(row.id(), InboxAction.ASSIGNED, actor, row.status(), assignee, assignee, now());
        }
    }

    private void unassign(InboxRepository.Locked row, String actor, Instant now) {
        if (row.assignee() == null) {
            return;
        }
        repository.setAssignee(row.id(), null);
        String detail = "was " + row.assignee();
        if (row.status() == MentionState.ASSIGNED) {
            states.move(List.of(row.id()), MentionState.NEW, InboxAction.UNASSIGNED, actor, detail);
        } else {
            record(row.id(), InboxAction.UNASSIGNED, actor, row.status(), null, detail, now);
        }
    }

    private void changeState(InboxRepository.Locked row, InboxCommand.ChangeState change, String actor,
            Instant now) {
        MentionState to = change.state();
        if (row.status() == to) {
            return;
        }
        if (row.status() == MentionState.AWAITING_CLEARANCE) {
            // Its reply's clearance and publication move it on; a hand on it now would be overtaken by their events.
            throw ProblemException.conflict("Reply in clearance", "Mention " + row.id()
                    + " is AWAITING_CLEARANCE: the reply's clearance decides where it goes next");
        }
        // Closing or re-queueing a mention someone is answering would make their answer collide with the decision.
        states.requireNoOtherClaim(row.id(), actor);
        String reason = blank(change.reason()) ? null : change.reason().strip();
        String assignee = row.assignee();
        if (to == MentionState.NEW && assignee != null) {
            assignee = null;
            repository.setAssignee(row.id(), null);
        } else if (to == MentionState.ASSIGNED && assignee == null) {
            assignee = actor; // reopened by whoever reopens it, until someone else takes it
            repository.setAssignee(row.id(), actor);
        }
        repository.setStateReason(row.id(), reason);
        states.move(List.of(row.id()), to, InboxAction.STATE_CHANGED, actor, reason == null ? to.name()
                : to + ": " + reason);
        if ((to == MentionState.CLOSED || to == MentionState.NO_RESPONSE_NEEDED)
                && actor.equals(row.liveClaimHolder(now))) {
            // The work is done: the closer's own claim ends with it.
            repository.setClaim(row.id(), null, null);
            record(row.id(), InboxAction.CLAIM_RELEASED, actor, to, assignee, "released on " + to, now);
        }
    }

    private void labels(InboxRepository.Locked row, InboxCommand.Labels change, String actor, Instant now) {
        List<String> labels = new ArrayList<>(row.labels());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String label : change.add()) {
            String normal = label(label);
            if (!labels.contains(normal)) {
                labels.add(normal);
                added.add(normal);
            }
        }
        for (String label : change.remove()) {
            String normal = label(label);
            if (labels.remove(normal)) {
                removed.add(normal);
            }
        }
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        repository.setLabels(row.id(), labels);
        added.forEach(l -> record(row.id(), InboxAction.LABEL_ADDED, actor, row.status(), row.assignee(), l, now));
        removed.forEach(l -> record(row.id(), InboxAction.LABEL_REMOVED, actor, row.status(), row.assignee(), l,
                now));
    }

    private void claim(InboxRepository.Locked row, String actor, Instant now) {
        if (UNCLAIMABLE.contains(row.status())) {
            throw ProblemException.conflict("Nothing to answer",
                    "Mention " + row.id() + " is " + row.status() + "; reopen it (state ASSIGNED) to answer it");
        }
        String holder = row.liveClaimHolder(now);
        if (holder != null && !holder.equals(actor)) {
            throw ProblemException.conflict("Mention is claimed", "Mention " + row.id() + " is claimed by " + holder
                    + " until " + row.claimExpiresAt());
        }
        if (holder == null && row.claimHolder() != null) {
            releaseExpired(row, now); // the sweep had not come round to it yet
        }
        Instant until = now.plus(config.claimTimeout());
        repository.setClaim(row.id(), actor, until);
        record(row.id(), InboxAction.CLAIMED, actor, row.status(), row.assignee(),
                (holder == null ? "until " : "renewed until ") + until, now);
    }

    private void release(InboxRepository.Locked row, boolean overrule, String actor, Instant now) {
        String holder = row.liveClaimHolder(now);
        if (holder == null) {
            if (row.claimHolder() != null) {
                releaseExpired(row, now);
            }
            return;
        }
        if (!holder.equals(actor) && !overrule) {
            throw ProblemException.conflict("Mention is claimed", "Mention " + row.id() + " is claimed by " + holder
                    + " until " + row.claimExpiresAt() + "; only they (or a lead) can release it");
        }
        repository.setClaim(row.id(), null, null);
        record(row.id(), InboxAction.CLAIM_RELEASED, actor, row.status(), row.assignee(),
                holder.equals(actor) ? "released" : "released " + holder + "'s claim", now);
    }

    private void releaseExpired(InboxRepository.Locked row, Instant now) {
        repository.setClaim(row.id(), null, null);
        record(row.id(), InboxAction.CLAIM_RELEASED, SYSTEM, row.status(), row.assignee(),
                row.claimHolder() + "'s claim expired at " + row.claimExpiresAt(), now);
    }

    private void prioritise(InboxRepository.Locked row, InboxCommand.Prioritise change, String actor, Instant now) {
        if (row.priority() == change.priority()) {
            return;
        }
        // Only an open mention's clock runs; an answered or closed one keeps the due time it was judged against.
        boolean open = row.status() == MentionState.NEW || row.status() == MentionState.ASSIGNED;
        Optional<Instant> due = open ? change.dueFor().apply(change.priority(), row.receivedAt()) : Optional.empty();
        repository.setPriority(row.id(), change.priority(), !open, due.orElse(null));
        String reason = blank(change.reason()) ? "" : ": " + change.reason().strip();
        record(row.id(), InboxAction.PRIORITY_CHANGED, actor, row.status(), row.assignee(),
                row.priority() + " → " + change.priority() + reason, now);
    }

    private void hide(InboxRepository.Locked row, String reason, String actor, Instant now) {
        if (row.hidden()) {
            return;
        }
        String why = "hidden by " + actor + (blank(reason) ? "" : ": " + reason.strip());
        List<String> reasons = new ArrayList<>(row.hiddenReasons());
        reasons.add(why);
        repository.setHidden(row.id(), true, reasons);
        record(row.id(), InboxAction.HIDDEN, actor, row.status(), row.assignee(), why, now);
    }

    private void show(InboxRepository.Locked row, String actor, Instant now) {
        if (!row.hidden()) {
            return;
        }
        // The reasons it was hidden for stay: why it was hidden once is part of its story.
        repository.setHidden(row.id(), false, row.hiddenReasons());
        record(row.id(), InboxAction.SHOWN, actor, row.status(), row.assignee(), null, now);
    }

    private InboxRepository.Locked lockOne(UUID id) {
        InboxRepository.Locked row = repository.lock(List.of(id)).get(id);
        if (row == null) {
            throw ProblemException.notFound("Mention", id);
        }
        return row;
    }

    private void record(UUID id, InboxAction action, String actor, MentionState state, String assignee,
            String detail, Instant at) {
        states.audit(new MentionActioned(UUID.randomUUID(), id, action, actor, state, assignee, detail, at));
    }

    /** Labels compare without case or surrounding space: "FOI" and "foi " are one label. */
    static String label(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static ProblemException badRequest(String field, String message) {
        return ProblemException.badRequest(field + ": " + message, List.of(new Problem.Violation(field, message)));
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: events and answers carry the instant the table shows.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
