package org.clearpost.drafting.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.AccountRef;
import org.clearpost.events.CampaignDefined;
import org.clearpost.events.CampaignRef;

/**
 * A campaign: dates, audience, hashtag, the accounts that post for it and the body's corporate accounts that share
 * its posts. The slug is its name in events and URLs and never changes.
 */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;

    public String slug;

    public String name;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    public String audience;

    public String hashtag;

    // Eager: a campaign is always used with its accounts, often after the transaction that loaded it.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_account", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderColumn(name = "position")
    public List<Account> accounts = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_share_account", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderColumn(name = "position")
    public List<Account> shareAccounts = new ArrayList<>();

    @Column(name = "defined_by")
    public String definedBy;

    @Column(name = "defined_at")
    public Instant definedAt;

    public CampaignRef ref() {
        return new CampaignRef(slug, name, startsOn, endsOn);
    }

    /** The accounts that post for the campaign. */
    public List<AccountRef> campaignAccounts() {
        return accounts.stream().map(Account::toRef).toList();
    }

    /** The body's corporate accounts that share (repost) the campaign's posts. */
    public List<AccountRef> shareAccounts() {
        return shareAccounts.stream().map(Account::toRef).toList();
    }

    CampaignDefined defined() {
        return new CampaignDefined(slug, name, startsOn, endsOn, audience, hashtag, campaignAccounts(), definedBy,
                definedAt);
    }
}
