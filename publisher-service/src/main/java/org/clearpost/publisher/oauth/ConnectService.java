package org.clearpost.publisher.oauth;

import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.OAuthConfig;
import org.clearpost.publisher.domain.AccountService;
import org.clearpost.publisher.oauth.AuthorizationFlow.AuthorizationRefused;
import org.clearpost.publisher.tokens.Credentials;
import org.clearpost.publisher.tokens.TokenCipher;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Connecting an account through its network's authorization flow: {@link #start} keeps an attempt (its state the
 * callback's only proof) and says where to send the admin; {@link #complete} checks the callback's state, lets the
 * flow exchange what came back, and connects the account. A callback whose state is unknown, used, expired or for
 * another network is refused before anything is stored or any network called.
 */
@ApplicationScoped
public class ConnectService {

    private static final Logger LOG = Logger.getLogger(ConnectService.class);

    private final List<AuthorizationFlow> flows;
    private final AccountService accounts;
    private final TokenCipher cipher;
    private final Clock clock;
    private final OAuthConfig config;
    private final SecureRandom random = new SecureRandom();

    ConnectService(@All List<AuthorizationFlow> flows, AccountService accounts, TokenCipher cipher, Clock clock,
            OAuthConfig config) {
        this.flows = flows;
        this.accounts = accounts;
        this.cipher = cipher;
        this.clock = clock;
        this.config = config;
    }

    /** Where the admin's browser goes, the state in it, and until when the callback is accepted. */
    public record Started(URI authorizationUrl, String state, Instant expiresAt) {
    }

    public Started start(Network network, String account, String by) {
        AuthorizationFlow flow = flow(network).orElseThrow(() -> ProblemException.badRequest(
                network + " accounts are not connected through an authorization flow",
                List.of(new Problem.Violation("network", network + " has no OAuth flow: "
                        + (network == Network.BLUESKY ? "Bluesky uses an app password session"
                                : "hand its token over with PUT /accounts/{network}/{account}/token")))));
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        AuthorizationFlow.Started started;
        try {
            started = flow.start(state, callback(network));
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(network + " is not configured for OAuth", e.getMessage());
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.attemptTtl());
        String hash = OAuthAttempt.hash(state);
        QuarkusTransaction.requiringNew().run(() -> new OAuthAttempt(hash, network, account, by,
                started.kept() == null ? null : cipher.sealText(started.kept(), OAuthAttempt.owner(hash)), now,
                expiresAt).persist());
        LOG.infof("%s started connecting %s account %s", by, network, account);
        return new Started(withLoginHint(started.authorizationUrl(), account), state, expiresAt);
    }

    /**
     * The callback: state checked and spent (single use, whatever the network then says), the code exchanged, the
     * account connected with its held publications released.
     */
    public AccountService.Connected complete(Network network, Map<String, String> callback) {
        String state = callback.get("state");
        Attempt attempt = QuarkusTransaction.requiringNew().call(() -> consume(network, state));
        AuthorizationFlow flow = flow(network).orElseThrow();
        Credentials credentials;
        try {
            credentials = flow.complete(callback, attempt.kept(), callback(network));
        } catch (AuthorizationRefused e) {
            LOG.infof("%s refused connecting %s account %s: %s", network, network, attempt.account(), e.getMessage());
            throw ProblemException.badRequest(network + " did not grant access",
                    List.of(new Problem.Violation(callback.containsKey("error") ? "error" : "code",
                            network + " said " + e.getMessage())));
        } catch (RuntimeException e) {
            LOG.warnf("Cannot complete connecting %s account %s: %s", network, attempt.account(), e.getMessage());
            throw new ProblemException(Response.Status.BAD_GATEWAY, network + " could not be asked",
                    "The token exchange with " + network + " failed; start connecting again", List.of());
        }
        String method = credentials.accessToken().secret() == null ? "oauth2" : "oauth1";
        return accounts.connect(network, attempt.account(), credentials, method, attempt.requestedBy());
    }

    private Attempt consume(Network network, String state) {
        if (state == null || state.isBlank()) {
            throw badState("is missing");
        }
        String hash = OAuthAttempt.hash(state);
        OAuthAttempt attempt = OAuthAttempt.findById(hash, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null) {
            throw badState("is unknown");
        }
        if (attempt.usedAt != null) {
            throw badState("was already used");
        }
        Instant now = clock.instant();
        if (!now.isBefore(attempt.expiresAt)) {
            throw badState("has expired: start connecting again");
        }
        if (attempt.network != network) {
            throw badState("belongs to a connect to " + attempt.network + ", not " + network);
        }
        attempt.usedAt = now;
        return new Attempt(attempt.account, attempt.requestedBy,
                attempt.kept() == null ? null : cipher.openText(attempt.kept(), OAuthAttempt.owner(hash)));
    }

    private static ProblemException badState(String why) {
        return ProblemException.badRequest("The callback's state is not valid",
                List.of(new Problem.Violation("state", "the state " + why)));
    }

    private Optional<AuthorizationFlow> flow(Network network) {
        return flows.stream().filter(f -> f.network() == network).findFirst();
    }

    private URI callback(Network network) {
        String root = config.callbackBaseUrl().toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/oauth/"
                + network.name().toLowerCase(Locale.ROOT) + "/callback");
    }

    /**
     * Names the account the admin is to sign in as (OpenID Connect's {@code login_hint}: Google honours it, the
     * sandbox grants that account, other networks ignore it).
     */
    private static URI withLoginHint(URI url, String account) {
        return URI.create(url + (url.getRawQuery() == null ? "?" : "&") + "login_hint="
                + URLEncoder.encode(account, StandardCharsets.UTF_8));
    }

    private record Attempt(String account, String requestedBy, String kept) {
    }
}
