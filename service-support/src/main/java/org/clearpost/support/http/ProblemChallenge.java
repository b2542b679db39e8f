package org.clearpost.support.http;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Gives the 401 that quarkus-oidc answers (no token, a bad signature, an expired token, another audience) a
 * problem+json body. quarkus-oidc's challenge is a status and a {@code WWW-Authenticate} header only, sent by the HTTP
 * layer before JAX-RS, so no exception mapper sees it. Quarkus asks every mechanism, highest priority first, to send
 * the challenge until one has; this one sends quarkus-oidc's challenge with a body. It authenticates nothing itself.
 */
@ApplicationScoped
public class ProblemChallenge implements HttpAuthenticationMechanism {

    private final OidcAuthenticationMechanism oidc;

    public ProblemChallenge(OidcAuthenticationMechanism oidc) {
        this.oidc = oidc;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return oidc.getChallenge(context).map(challenge -> {
            if (context.response().ended()) {
                return true;
            }
            int status = challenge == null ? 401 : challenge.status;
            context.response().setStatusCode(status);
            if (challenge != null) {
                challenge.getHeaders().forEach((name, value) -> context.response().headers().set(name, value));
            }
            HttpProblems.end(context, status, status == 401
                    ? "A valid bearer token for this API is needed (Authorization: Bearer <token>)"
                    : null);
            return true;
        });
    }

    @Override
    public Set<Class<? extends io.quarkus.security.identity.request.AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    /** Before quarkus-oidc, so its body-less challenge is never the one sent. */
    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }
}
