package org.clearpost.console.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Synchronizer tokens without server state: a session's token is the HMAC-SHA256 of its Keycloak session id and
 * subject under the console's key. Another site cannot read it (it is only in our pages), every replica computes the
 * same one, and it changes at every sign-in.
 */
public final class CsrfTokens {

    private final SecretKeySpec key;

    public CsrfTokens(String base64Key) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length < 32) {
            throw new IllegalArgumentException("the CSRF key must be at least 32 bytes, not " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    public String tokenFor(String sessionId, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] tag = mac.doFinal((sessionId + "\n" + subject).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** In constant time; false for a missing token. */
    public boolean matches(String presented, String sessionId, String subject) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                tokenFor(sessionId, subject).getBytes(StandardCharsets.UTF_8));
    }
}
