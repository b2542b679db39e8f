package org.clearpost.drafting.campaign;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;

/** The events the body covers live. */
@ApplicationScoped
public class LiveEvents {

    private final Clock clock;

    public LiveEvents(Clock clock) {
        this.clock = clock;
    }

    /** The live event, with its accounts loaded. */
    @Transactional
    public Optional<LiveEvent> find(UUID id) {
        return LiveEvent.findByIdOptional(id);
    }

    @Transactional
    public List<LiveEvent> list() {
        return LiveEvent.listAll(Sort.descending("startsAt"));
    }

    @Transactional
    public LiveEvent create(LiveEventRequest request, String by) {
        validate(request);
        LiveEvent event = new LiveEvent();
        event.id = UUID.randomUUID();
        apply(event, request, by);
        event.persist();
        return event;
    }

    @Transactional
    public LiveEvent update(UUID id, LiveEventRequest request, String by) {
        LiveEvent event = existing(id);
        validate(request);
        apply(event, request, by);
        return event;
    }

    @Transactional
    public void delete(UUID id) {
        existing(id).delete();
    }

    private LiveEvent existing(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("Live event", id));
    }

    private void apply(LiveEvent event, LiveEventRequest request, String by) {
        event.name = request.name().strip();
        event.startsAt = request.startsAt();
        event.endsAt = request.endsAt();
        event.hashtag = Accounts.hashtag(request.hashtag());
        event.accounts.clear();
        event.accounts.addAll(Accounts.toAccounts(request.accounts()));
        event.definedBy = by;
        event.definedAt = clock.instant();
    }

    private static void validate(LiveEventRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (!request.endsAt().isAfter(request.startsAt())) {
            violations.add(new Problem.Violation("endsAt", "must be after startsAt " + request.startsAt()));
        }
        violations.addAll(Accounts.repeated("accounts", request.accounts()));
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The live event is not valid", violations);
        }
    }
}
