package org.clearpost.console.session;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.AuthenticationCompletionException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.clearpost.console.config.ConsoleConfig;

/**
 * Keeps each signed-in person's ID, access and refresh tokens on the server: the session cookie Quarkus sets holds
 * only a random 256-bit key to them ({@link SessionStore}), so the browser never holds a bearer token, not even an
 * encrypted one. Quarkus calls {@link #createTokenState} at sign-in and after each refresh (deleting the old state),
 * {@link #getTokens} on every request and {@link #deleteTokens} on sign-out.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class SessionTokens implements TokenStateManager {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionStore store;
    private final ConsoleConfig config;

    public SessionTokens(SessionStore store, ConsoleConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public Uni<String> createTokenState(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            AuthorizationCodeTokens tokens, OidcRequestContext<String> requestContext) {
        return requestContext.runBlocking(() -> {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
            store.put(id, new SessionStore.Tokens(tokens.getIdToken(), tokens.getAccessToken(),
                    tokens.getRefreshToken()), config.sessionLifetime());
            return id;
        });
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            String tokenState, OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        return requestContext.runBlocking(() -> {
            Optional<SessionStore.Tokens> tokens = store.get(tokenState);
            if (tokens.isEmpty()) {
                // Signed out elsewhere, expired, or a forged cookie: Quarkus sends the browser to sign in again.
                throw new AuthenticationCompletionException("no session for this cookie");
            }
            SessionStore.Tokens found = tokens.get();
            return new AuthorizationCodeTokens(found.idToken(), found.accessToken(), found.refreshToken());
        });
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig, String tokenState,
            OidcRequestContext<Void> requestContext) {
        return requestContext.runBlocking(() -> {
            store.delete(tokenState);
            return null;
        });
    }

    @Scheduled(every = "10m", delayed = "1m")
    void dropExpired() {
        store.deleteExpired();
    }
}
