package org.clearpost.sandbox.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a network's API accepts an access token: the one check every publishing endpoint of the networks added for
 * issue 13 makes before anything else. Tokens the sandbox's OAuth server issued are accepted until they expire (short
 * expiries, so refresh is exercised); a token starting with {@link Tokens#EXPIRED_PREFIX} is refused; any other
 * non-blank token is accepted as one an admin handed over.
 */
@ApplicationScoped
public class AccessGrants {

    private final Clock clock = Clock.systemUTC();
    /** Fingerprint of each access token the OAuth servers issued -> its network and expiry. */
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    /** An access token a network's OAuth server issued: accepted by that network until {@code expiresAt}. */
    public void register(Network network, String token, Instant expiresAt) {
        issued.put(Tokens.fingerprint(token), new Issued(network, expiresAt));
    }

    /** Why {@code token} is refused for {@code network} (expired, revoked, unknown), or empty when it is accepted. */
    public Optional<String> refusal(Network network, String token) {
        if (token == null || token.isBlank()) {
            return Optional.of("no access token");
        }
        if (Tokens.isExpired(token)) {
            return Optional.of("the access token has expired");
        }
        Issued grant = issued.get(Tokens.fingerprint(token));
        if (grant != null && grant.network != network) {
            return Optional.of("the access token was issued for another application");
        }
        if (grant != null && !clock.instant().isBefore(grant.expiresAt)) {
            return Optional.of("the access token has expired");
        }
        return Optional.empty();
    }

    private record Issued(Network network, Instant expiresAt) {
    }
}
