package org.clearpost.drafting.campaign;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.AccountRef;

public record LiveEventView(UUID id, String name, Instant startsAt, Instant endsAt, String hashtag,
        List<AccountRef> accounts, String definedBy, Instant definedAt) {

    static LiveEventView of(LiveEvent event) {
        return new LiveEventView(event.id, event.name, event.startsAt, event.endsAt, event.hashtag,
                event.accountRefs(), event.definedBy, event.definedAt);
    }
}
