package org.clearpost.publisher.tokens;

/** A stored token could not be opened: the key changed, or the stored bytes were altered. */
public class TokenDecryptionException extends RuntimeException {

    public TokenDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
