package org.clearpost.monitoring.facebook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Meta's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>} over the exact bytes
 * received: a re-serialised body would differ in spacing or escaping and never match.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final int SHA256_BYTES = 32;

    private final SecretKeySpec key;

    public WebhookSignature(String appSecret) {
        if (appSecret == null || appSecret.isEmpty()) {
            throw new IllegalArgumentException("an app secret is required to check webhook signatures");
        }
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), HMAC_SHA256);
    }

    /** True only if {@code header} is a well-formed signature of exactly {@code rawBody}. */
    public boolean matches(byte[] rawBody, String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        // Constant-time: the time taken must not tell a forger how many leading bytes were right.
        return claimed.length == SHA256_BYTES && MessageDigest.isEqual(hmac(rawBody), claimed);
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + HMAC_SHA256, e);
        }
    }
}
