package org.clearpost.publisher.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.OAuthConfig;
import org.clearpost.publisher.network.NetworkHttp;

/**
 * One {@link OAuth2Flow} bean per network connected by OAuth 2.0. Bluesky is not among them (an app password session,
 * its connector's business) nor Flickr (OAuth 1.0a, its own flow bean).
 */
@ApplicationScoped
public class OAuth2Flows {

    private final OAuthConfig config;
    private final NetworkHttp http;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OAuth2Flows(OAuthConfig config, NetworkHttp http, Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    @Produces
    @Singleton
    @Named("oauth2-x")
    AuthorizationFlow x() {
        return flow(Network.X);
    }

    @Produces
    @Singleton
    @Named("oauth2-facebook")
    AuthorizationFlow facebook() {
        return flow(Network.FACEBOOK);
    }

    @Produces
    @Singleton
    @Named("oauth2-linkedin")
    AuthorizationFlow linkedin() {
        return flow(Network.LINKEDIN);
    }

    @Produces
    @Singleton
    @Named("oauth2-youtube")
    AuthorizationFlow youtube() {
        return flow(Network.YOUTUBE);
    }

    @Produces
    @Singleton
    @Named("oauth2-soundcloud")
    AuthorizationFlow soundcloud() {
        return flow(Network.SOUNDCLOUD);
    }

    @Produces
    @Singleton
    @Named("oauth2-mastodon")
    AuthorizationFlow mastodon() {
        return flow(Network.MASTODON);
    }

    @Produces
    @Singleton
    @Named("oauth2-threads")
    AuthorizationFlow threads() {
        return flow(Network.THREADS);
    }

    private AuthorizationFlow flow(Network network) {
        String key = network.name().toLowerCase(Locale.ROOT);
        OAuthConfig.Client client = config.networks().get(key);
        if (client == null) {
            throw new IllegalStateException("clearpost.oauth.networks." + key + ".* is missing (its authorize-url "
                    + "and token-url defaults are in application.properties)");
        }
        return new OAuth2Flow(network, client, http, clock, random);
    }
}
