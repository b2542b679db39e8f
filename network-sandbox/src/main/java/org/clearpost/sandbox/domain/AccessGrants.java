package org.clearpost.sandbox.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Whether a network's API accepts an access token: the one check every publishing endpoint of the networks added for
 * issue 13 makes before anything else. Tokens the sandbox's OAuth server issued are accepted until they expire (short
 * expiries, so refresh is exercised); a token starting with {@link Tokens#EXPIRED_PREFIX} is refused; any other
 * non-blank token is accepted as one an admin handed over.
 */
@ApplicationScoped
public class AccessGrants {

    /** Why {@code token} is refused for {@code network} (expired, revoked, unknown), or empty when it is accepted. */
    public Optional<String> refusal(Network network, String token) {
        if (token == null || token.isBlank()) {
            return Optional.of("no access token");
        }
        if (Tokens.isExpired(token)) {
            return Optional.of("the access token has expired");
        }
        return Optional.empty();
    }
}
