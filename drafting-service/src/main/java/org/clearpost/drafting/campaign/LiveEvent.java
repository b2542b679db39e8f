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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.AccountRef;
import org.clearpost.events.LiveEventRef;

/** An event the body covers live (a conference, a launch): quick posts during it may take the expedited path. */
@Entity
@Table(name = "live_event")
public class LiveEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public String hashtag;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "live_event_account", joinColumns = @JoinColumn(name = "live_event_id"))
    @OrderColumn(name = "position")
    public List<Account> accounts = new ArrayList<>();

    @Column(name = "defined_by")
    public String definedBy;

    @Column(name = "defined_at")
    public Instant definedAt;

    public LiveEventRef ref() {
        return new LiveEventRef(id, name, hashtag);
    }

    /** The accounts that cover the event. */
    public List<AccountRef> accountRefs() {
        return accounts.stream().map(Account::toRef).toList();
    }

    /** Whether the event is under way at {@code at}: from its start (included) to its end (excluded). */
    public boolean isOn(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }
}
