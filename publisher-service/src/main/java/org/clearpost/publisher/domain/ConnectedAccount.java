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

    /** {@code oauth2}, {@code oauth1} or {@code token} (handed over by an admin). */
    public String method;

    @Column(name = "refresh_iv")
    byte[] refreshIv;

    @Column(name = "refresh_ciphertext")
    byte[] refreshCiphertext;

    /** When the access token stops working; null when it does not expire (or the network did not say). */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "refresh_expires_at")
    public Instant refreshExpiresAt;

    public String scope;

    @Column(name = "refreshed_at")
    public Instant refreshedAt;

    @Column(name = "refresh_claimed_at")
    Instant refreshClaimedAt;

    /** The network refused the token or its refresh: an admin must connect the account again. */
    @Column(name = "needs_reconnect")
    public boolean needsReconnect;

    /** The network's own words for why, while {@link #needsReconnect}. */
    @Column(name = "reconnect_reason")
    public String reconnectReason;

    protected ConnectedAccount() {
    }

    ConnectedAccount(Network network, String account) {
        this.network = network;
        this.account = account;
    }

    /**
     * A new grant: its access token, and its refresh token when the network gave one. Without one the old refresh
     * token stays (a network such as Google answers none on a second consent): a reconnect never loses it.
     */
    void connect(SealedToken token, SealedToken refresh, String method, String by, Instant at) {
        tokenIv = token.iv();
        tokenCiphertext = token.ciphertext();
        if (refresh != null) {
            refreshIv = refresh.iv();
            refreshCiphertext = refresh.ciphertext();
        }
        this.method = method;
        connectedBy = by;
        connectedAt = at;
        refreshClaimedAt = null;
        refreshedAt = null;
        needsReconnect = false;
        reconnectReason = null;
    }

    /** A refresh's answer: the new access token and, for single-use refresh tokens, the one replacing the old. */
    void refreshed(SealedToken token, SealedToken refresh, Instant expiresAt, Instant at) {
        tokenIv = token.iv();
        tokenCiphertext = token.ciphertext();
        if (refresh != null) {
            refreshIv = refresh.iv();
            refreshCiphertext = refresh.ciphertext();
        }
        this.expiresAt = expiresAt;
        refreshedAt = at;
        refreshClaimedAt = null;
    }

    SealedToken token() {
        return new SealedToken(tokenIv, tokenCiphertext);
    }

    /** The sealed refresh token; null when the network gave none. */
    SealedToken refreshToken() {
        return refreshCiphertext == null ? null : new SealedToken(refreshIv, refreshCiphertext);
    }

    /** What the refresh token is bound to: never the same owner as the access token, so the two cannot swap. */
    static String refreshOwner(Network network, String account) {
        return owner(network, account) + "#refresh";
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
