package org.clearpost.publisher.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** RFC 7636 Proof Key for Code Exchange: a random verifier kept until the callback, and its S256 challenge. */
public final class Pkce {

    private Pkce() {
    }

    /** 32 random bytes, base64url without padding: 43 characters of the unreserved set (RFC 7636 section 4.1). */
    public static String verifier(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** BASE64URL-ENCODE(SHA256(ASCII(code_verifier))) (RFC 7636 section 4.2). */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
