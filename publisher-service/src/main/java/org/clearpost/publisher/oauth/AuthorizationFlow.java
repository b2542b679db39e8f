package org.clearpost.publisher.oauth;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.Credentials;

/**
 * How one network grants the publisher an account: the authorization code flow (with PKCE where the network takes
 * it) or OAuth 1.0a (Flickr). One bean per network; the connect service looks them up by {@link #network()}.
 */
public interface AuthorizationFlow {

    Network network();

    /**
     * Begins a grant: where to send the admin's browser, with {@code state} in it, and what must be kept (sealed)
     * until the callback: a PKCE code verifier, an OAuth 1.0a request token secret.
     */
    Started start(String state, URI callback);

    /**
     * Completes a grant from the callback's query parameters (their {@code state} already checked) and what
     * {@link #start} kept.
     *
     * @throws AuthorizationRefused when the network refuses the code (or the admin denied access)
     */
    Credentials complete(Map<String, String> callback, String kept, URI callbackUri) throws AuthorizationRefused;

    /**
     * A fresh access token from the refresh token; empty when this network's tokens are not refreshed (they do not
     * expire, or it issues no refresh token). A network that issues single-use refresh tokens returns the new one.
     *
     * @throws AuthorizationRefused when the network says the grant is gone (invalid_grant): the account must be
     *         connected again
     * @throws java.io.UncheckedIOException (or another runtime exception) when the network could not be asked: try
     *         again later
     */
    Optional<Credentials> refresh(Credentials current) throws AuthorizationRefused;

    /** Where to send the admin, and what to keep (sealed) until the callback; {@code kept} may be null. */
    record Started(URI authorizationUrl, String kept) {
    }

    /** The network said no: its own error code and description. */
    final class AuthorizationRefused extends Exception {

        private final String error;

        public AuthorizationRefused(String error, String description) {
            super(description == null || description.isBlank() ? error : error + ": " + description);
            this.error = error;
        }

        /** The network's error code ({@code invalid_grant}, {@code access_denied}...). */
        public String error() {
            return error;
        }
    }
}
