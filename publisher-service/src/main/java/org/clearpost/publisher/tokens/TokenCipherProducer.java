package org.clearpost.publisher.tokens;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.clearpost.publisher.config.TokensConfig;

/** Builds the cipher when the service starts, so a missing or malformed key stops the start, not a publication. */
@ApplicationScoped
public class TokenCipherProducer {

    @Produces
    @Startup
    @Singleton
    TokenCipher tokenCipher(TokensConfig config) {
        String key = config.encryptionKey().filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                "clearpost.tokens.encryption-key (env CLEARPOST_TOKENS_ENCRYPTION_KEY) is not set: the publisher "
                        + "will not store network tokens unencrypted. Set it to base64 of 32 random bytes, e.g. "
                        + "`openssl rand -base64 32`"));
        return TokenCipher.fromBase64(key);
    }
}
