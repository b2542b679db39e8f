package org.clearpost.publisher.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "clearpost.tokens")
public interface TokensConfig {

    /**
     * Base64 of the 32-byte AES-256 key sealing network access tokens at rest. No default: {@code TokenCipher}
     * refuses to start without one, with a message saying how to make one.
     */
    Optional<String> encryptionKey();
}
