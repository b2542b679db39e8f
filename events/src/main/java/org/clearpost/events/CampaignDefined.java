package org.clearpost.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A campaign was created or changed: its dates, audience, hashtag and the accounts that post for it. */
public record CampaignDefined(String slug, String name, LocalDate startsOn, LocalDate endsOn, String audience,
        String hashtag, List<AccountRef> accounts, String definedBy, Instant definedAt) implements ClearpostEvent {

    public CampaignDefined {
        accounts = List.copyOf(accounts);
    }

    @Override
    public String aggregateId() {
        return slug;
    }
}
