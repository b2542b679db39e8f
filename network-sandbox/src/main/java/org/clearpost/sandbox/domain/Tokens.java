package org.clearpost.sandbox.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Token handling. The sandbox keeps and logs only a token's fingerprint, never the token itself. */
public final class Tokens {

    /**
     * Tokens starting with this prefix are treated as expired, so connectors can exercise their re-authorisation
     * path against the sandbox.
     */
    public static final String EXPIRED_PREFIX = "sandbox-expired";

    private Tokens() {
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes. */
    public static String fingerprint(String token) {
        return sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex SHA-256. */
    public static String sha256(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The token of an {@code Authorization} header using one of the given schemes (case-insensitive, as HTTP
     * says), or empty when the header is missing, uses another scheme or carries a blank token.
     */
    public static Optional<String> fromAuthorization(String header, String... schemes) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip();
        for (String scheme : schemes) {
            if (h.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
                return nonBlank(h.substring(scheme.length() + 1));
            }
        }
        return Optional.empty();
    }

    public static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public static boolean isExpired(String token) {
        return token.startsWith(EXPIRED_PREFIX);
    }
}
