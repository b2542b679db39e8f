package org.clearpost.drafting.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clearpost.events.AccountRef;

public record CampaignView(String slug, String name, LocalDate startsOn, LocalDate endsOn, String audience,
        String hashtag, List<AccountRef> accounts, List<AccountRef> shareAccounts, String definedBy,
        Instant definedAt) {

    static CampaignView of(Campaign campaign) {
        return new CampaignView(campaign.slug, campaign.name, campaign.startsOn, campaign.endsOn, campaign.audience,
                campaign.hashtag, campaign.campaignAccounts(), campaign.shareAccounts(), campaign.definedBy,
                campaign.definedAt);
    }
}
