package org.clearpost.console.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.clearpost.console.config.ConsoleConfig;

/**
 * The {@code console_session} table: each session's tokens sealed with AES-GCM under the console's session key, found
 * by the SHA-256 of the cookie's key (so neither a copy of the table nor of the key alone signs anybody in). Every
 * replica reads the same table: a person's next request may reach any of them.
 */
@ApplicationScoped
public class SessionStore {

    /** What a session holds. */
    public record Tokens(String idToken, String accessToken, String refreshToken) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;

    private final AgroalDataSource dataSource;
    private final SecretKeySpec key;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    public SessionStore(AgroalDataSource dataSource, ConsoleConfig config, Clock clock) {
        this.dataSource = dataSource;
        byte[] raw = Base64.getDecoder().decode(config.sessionKey());
        if (raw.length != 32) {
            throw new IllegalStateException("clearpost.console.session-key must be base64 of 32 bytes, not " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.clock = clock;
    }

    public void put(String id, Tokens tokens, Duration lifetime) {
        String sql = "INSERT INTO console_session (id, tokens, expires_at) VALUES (?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, hash(id));
            s.setBytes(2, seal(json.writeValueAsBytes(tokens), hash(id)));
            s.setTimestamp(3, Timestamp.from(clock.instant().plus(lifetime)));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not keep the session", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Tokens> get(String id) {
        String sql = "SELECT tokens FROM console_session WHERE id = ? AND expires_at > ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, hash(id));
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(json.readValue(open(rows.getBytes(1), hash(id)), Tokens.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the session", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String id) {
        update("DELETE FROM console_session WHERE id = ?", hash(id));
    }

    public int deleteExpired() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM console_session WHERE expires_at <= ?")) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop expired sessions", e);
        }
    }

    private void update(String sql, String value) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not change the session", e);
        }
    }

    static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** nonce || ciphertext; the row's id is the associated data, so a sealed value cannot be moved to another row. */
    private byte[] seal(byte[] plain, String rowId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] open(byte[] sealed, String rowId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a session's tokens could not be opened (another key?)", e);
        }
    }
}
