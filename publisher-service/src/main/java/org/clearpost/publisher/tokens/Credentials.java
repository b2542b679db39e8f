package org.clearpost.publisher.tokens;

import java.time.Instant;

/**
 * What a network granted an account: the access token (with its secret for OAuth 1.0a), and where it has one, the
 * refresh token and when each expires. Never printed.
 *
 * @param refreshToken null when the network gives none (Flickr's tokens do not expire)
 * @param expiresAt when the access token stops working; null when it does not expire
 * @param refreshExpiresAt when the refresh token does; null when the network does not say
 */
public record Credentials(AccessToken accessToken, String refreshToken, Instant expiresAt, Instant refreshExpiresAt,
        String scope) {

    @Override
    public String toString() {
        return "Credentials[redacted, expiresAt=" + expiresAt + ", refreshExpiresAt=" + refreshExpiresAt + ", scope="
                + scope + "]";
    }
}
