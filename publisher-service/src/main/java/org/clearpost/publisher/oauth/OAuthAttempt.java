package org.clearpost.publisher.oauth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.SealedToken;

/** A connect an admin started, waiting for its callback: found by the SHA-256 of its state, used once. */
@Entity
@Table(name = "oauth_attempt")
public class OAuthAttempt extends PanacheEntityBase {

    @Id
    @Column(name = "state_hash")
    String stateHash;

    @Enumerated(EnumType.STRING)
    Network network;

    String account;

    @Column(name = "requested_by")
    String requestedBy;

    @Column(name = "kept_iv")
    byte[] keptIv;

    @Column(name = "kept_ciphertext")
    byte[] keptCiphertext;

    @Column(name = "created_at")
    Instant createdAt;

    @Column(name = "expires_at")
    Instant expiresAt;

    @Column(name = "used_at")
    Instant usedAt;

    protected OAuthAttempt() {
    }

    OAuthAttempt(String stateHash, Network network, String account, String requestedBy, SealedToken kept,
            Instant createdAt, Instant expiresAt) {
        this.stateHash = stateHash;
        this.network = network;
        this.account = account;
        this.requestedBy = requestedBy;
        if (kept != null) {
            keptIv = kept.iv();
            keptCiphertext = kept.ciphertext();
        }
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    SealedToken kept() {
        return keptCiphertext == null ? null : new SealedToken(keptIv, keptCiphertext);
    }

    /** The state as stored: its SHA-256, hex. A leaked table holds no state that would pass a callback. */
    static String hash(String state) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(state.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** What the kept secret is sealed to: this attempt only. */
    static String owner(String stateHash) {
        return "oauth_attempt/" + stateHash;
    }

    @Override
    public String toString() {
        return "OAuthAttempt[" + network + "/" + account + ", kept redacted]";
    }
}
