package org.clearpost.drafting.campaign;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.time.LondonTime;

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
        Instant[] times = validate(request);
        LiveEvent event = new LiveEvent();
        event.id = UUID.randomUUID();
        apply(event, request, times, by);
        event.persist();
        return event;
    }

    @Transactional
    public LiveEvent update(UUID id, LiveEventRequest request, String by) {
        LiveEvent event = existing(id);
        apply(event, request, validate(request), by);
        return event;
    }

    @Transactional
    public void delete(UUID id) {
        existing(id).delete();
    }

    private LiveEvent existing(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("Live event", id));
    }

    private void apply(LiveEvent event, LiveEventRequest request, Instant[] times, String by) {
        event.name = request.name().strip();
        event.startsAt = times[0];
        event.endsAt = times[1];
        event.hashtag = Accounts.hashtag(request.hashtag());
        event.accounts.clear();
        event.accounts.addAll(Accounts.toAccounts(request.accounts()));
        event.definedBy = by;
        event.definedAt = clock.instant();
    }

    /** The start and end instants of the London times given; every violation at once. */
    private static Instant[] validate(LiveEventRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        Instant startsAt = instant(request.startsAt(), "startsAt", violations);
        Instant endsAt = instant(request.endsAt(), "endsAt", violations);
        // Compared as instants: in the autumn overlap the London times alone do not say which comes first.
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            violations.add(new Problem.Violation("endsAt", "must be after startsAt " + request.startsAt()
                    + " London time"));
        }
        violations.addAll(Accounts.repeated("accounts", request.accounts()));
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The live event is not valid", violations);
        }
        return new Instant[] {startsAt, endsAt};
    }

    private static Instant instant(LocalDateTime london, String field, List<Problem.Violation> violations) {
        try {
            return LondonTime.toInstant(london, field);
        } catch (ProblemException e) {
            violations.addAll(e.problem().violations());
            return null;
        }
    }
}
