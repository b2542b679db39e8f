package org.clearpost.drafting.campaign;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.clearpost.events.AccountRef;
import org.clearpost.events.Network;

/** One account on one network, as a row of a campaign's or live event's account list. */
@Embeddable
public class Account {

    @Enumerated(EnumType.STRING)
    public Network network;

    public String account;

    protected Account() {
    }

    public Account(Network network, String account) {
        this.network = network;
        this.account = account;
    }

    public AccountRef toRef() {
        return new AccountRef(network, account);
    }
}
