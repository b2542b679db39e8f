package org.clearpost.publisher.tokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals access tokens with AES-256-GCM: a fresh random 12-byte IV per value, and the owner of the token (network and
 * account) as associated data, so a sealed token copied onto another account's row does not open.
 */
public final class TokenCipher {

    private static final String OAUTH1 = "\0oauth1\0";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private TokenCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The token encryption key must be 32 bytes (AES-256); this one is "
                    + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** @param base64Key base64 of 32 random bytes, e.g. from {@code openssl rand -base64 32} */
    public static TokenCipher fromBase64(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message could quote part of the key: say only what is wrong.
            throw new IllegalArgumentException("The token encryption key is not valid base64");
        }
        return new TokenCipher(key);
    }

    /**
     * Seals the token, and its secret when it has one (OAuth 1.0a): a bearer token is sealed as its UTF-8 bytes, as
     * rows from before secrets existed were; one with a secret as NUL, "oauth1", NUL, token, NUL, secret (no token
     * holds a NUL).
     */
    public SealedToken seal(AccessToken token, String owner) {
        return sealText(token.secret() == null ? token.value()
                : OAUTH1 + token.value() + '\0' + token.secret(), owner);
    }

    public AccessToken open(SealedToken sealed, String owner) {
        String text = openText(sealed, owner);
        if (!text.startsWith(OAUTH1)) {
            return new AccessToken(text);
        }
        int split = text.indexOf('\0', OAUTH1.length());
        return new AccessToken(text.substring(OAUTH1.length(), split), text.substring(split + 1));
    }

    /** Seals any secret bound to {@code owner} (a refresh token, say): it opens only with the same owner. */
    public SealedToken sealText(String secret, String owner) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, owner);
            return new SealedToken(iv, cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public String openText(SealedToken sealed, String owner) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, sealed.iv(), owner);
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TokenDecryptionException("The stored token of " + owner
                    + " cannot be decrypted: the encryption key has changed or the stored value was altered", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
