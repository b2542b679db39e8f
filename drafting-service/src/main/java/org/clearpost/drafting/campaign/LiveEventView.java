package org.clearpost.drafting.campaign;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.AccountRef;
import org.clearpost.support.time.LondonTime;

/**
 * A live event; {@code startsAt} and {@code endsAt} are instants with London's offset at the time
 * ({@code 2027-05-10T09:00:00+01:00}), so they read as the London time that was typed and are still unambiguous.
 */
public record LiveEventView(UUID id, String name, OffsetDateTime startsAt, OffsetDateTime endsAt, String hashtag,
        List<AccountRef> accounts, String definedBy, Instant definedAt) {

    static LiveEventView of(LiveEvent event) {
        return new LiveEventView(event.id, event.name, LondonTime.toOffset(event.startsAt),
                LondonTime.toOffset(event.endsAt), event.hashtag, event.accountRefs(), event.definedBy,
                event.definedAt);
    }
}
