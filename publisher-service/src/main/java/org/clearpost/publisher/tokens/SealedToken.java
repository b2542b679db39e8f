package org.clearpost.publisher.tokens;

/**
 * An access token as stored: AES-256-GCM ciphertext with its 128-bit tag appended, and the 12-byte IV it was sealed
 * with.
 */
public record SealedToken(byte[] iv, byte[] ciphertext) {

    public SealedToken {
        iv = iv.clone();
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public String toString() {
        return "SealedToken[" + ciphertext.length + " bytes]";
    }
}
