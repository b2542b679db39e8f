package org.clearpost.publisher.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.SealedToken;

/** An account an admin connected, with its access token sealed. */
@Entity
@Table(name = "connected_account")
@IdClass(ConnectedAccount.Key.class)
public class ConnectedAccount extends PanacheEntityBase {

    @Id
    @Enumerated(EnumType.STRING)
    public Network network;

    @Id
    public String account;

    @Column(name = "token_iv")
    byte[] tokenIv;

    @Column(name = "token_ciphertext")
    byte[] tokenCiphertext;

    @Column(name = "connected_by")
    public String connectedBy;

    @Column(name = "connected_at")
    public Instant connectedAt;

    protected ConnectedAccount() {
    }

    ConnectedAccount(Network network, String account) {
        this.network = network;
        this.account = account;
    }

    void connect(SealedToken token, String by, Instant at) {
        tokenIv = token.iv();
        tokenCiphertext = token.ciphertext();
        connectedBy = by;
        connectedAt = at;
    }

    SealedToken token() {
        return new SealedToken(tokenIv, tokenCiphertext);
    }

    /** What the token is bound to: a sealed token only opens for the account it was sealed for. */
    static String owner(Network network, String account) {
        return network.name() + "/" + account;
    }

    @Override
    public String toString() {
        return "ConnectedAccount[" + owner(network, account) + ", token redacted]";
    }

    public static class Key implements Serializable {

        public Network network;
        public String account;

        public Key() {
        }

        Key(Network network, String account) {
            this.network = network;
            this.account = account;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && network == key.network && Objects.equals(account, key.account);
        }

        @Override
        public int hashCode() {
            return Objects.hash(network, account);
        }
    }
}
