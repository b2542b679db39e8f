package org.clearpost.sandbox.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.clearpost.sandbox.domain.AccessGrants;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.Tokens;

/**
 * The grants of the sandbox's authorization servers: codes (single use, bound to client, redirect URI and PKCE
 * challenge), refresh tokens (single use: a refresh answers a new one and the old one stops working, as SoundCloud's
 * and X's do; Google's stay and none is answered) and the access tokens issued, registered with {@link AccessGrants}
 * so the networks' APIs refuse them once expired. Only fingerprints of tokens are kept.
 */
@ApplicationScoped
public class OAuthServer {

    /** Networks whose server requires PKCE (S256): X and SoundCloud (OAuth 2.1). Others verify it when sent. */
    static final Set<Network> PKCE_REQUIRED = Set.of(Network.X, Network.SOUNDCLOUD);

    private final OAuthSandboxConfig config;
    private final AccessGrants grants;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
    /** network/account -> refreshes still to refuse (-1: all). */
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final List<Issued> issued = java.util.Collections.synchronizedList(new ArrayList<>());

    OAuthServer(OAuthSandboxConfig config, AccessGrants grants) {
        this.config = config;
        this.grants = grants;
    }

    /** What the authorize request asked for; checked before a code is made. */
    record Authorization(Network network, String account, URI redirectUri, String scope, String challenge,
            boolean offline) {
    }

    /** The token endpoint's error: an RFC 6749 section 5.2 code and description, and its HTTP status. */
    static final class OAuthError extends Exception {
        final String error;
        final int status;

        OAuthError(String error, String description, int status) {
            super(description);
            this.error = error;
            this.status = status;
        }

        static OAuthError invalidGrant(String description) {
            return new OAuthError("invalid_grant", description, 400);
        }
    }

    /** What the token endpoint answers (RFC 6749 section 5.1); {@code refreshToken} null when none is issued. */
    record TokenAnswer(String accessToken, long expiresIn, String refreshToken, String scope) {
    }

    /** One token issued, as {@code GET /sandbox/oauth/{network}/grants} shows it (fingerprints only). */
    record Issued(Network network, String account, String grantType, String accessTokenFingerprint,
            String refreshTokenFingerprint, Instant issuedAt, Instant expiresAt) {
    }

    String clientId() {
        return config.clientId();
    }

    String issueCode(Authorization authorization) {
        String code = token("code");
        codes.put(code, new Code(authorization, clock.instant().plus(config.codeTtl())));
        return code;
    }

    /** The authorization_code grant (RFC 6749 4.1.3, RFC 7636 4.6). A code works once. */
    TokenAnswer exchange(Network network, String code, URI redirectUri, String verifier) throws OAuthError {
        Code held = code == null ? null : codes.remove(code);
        if (held == null || held.authorization.network() != network) {
            throw OAuthError.invalidGrant("The authorization code is invalid, expired or was already used");
        }
        if (clock.instant().isAfter(held.expiresAt)) {
            throw OAuthError.invalidGrant("The authorization code has expired");
        }
        if (!held.authorization.redirectUri().equals(redirectUri)) {
            throw OAuthError.invalidGrant("redirect_uri does not match the one of the authorization request");
        }
        String challenge = held.authorization.challenge();
        if (challenge != null && (verifier == null || !challenge.equals(s256(verifier)))) {
            throw OAuthError.invalidGrant("The code_verifier does not match the code_challenge");
        }
        if (challenge == null && verifier != null) {
            throw OAuthError.invalidGrant("code_verifier sent for an authorization request without code_challenge");
        }
        return issue(held.authorization.network(), held.authorization.account(), held.authorization.scope(),
                held.authorization.offline(), "authorization_code");
    }

    /** The refresh_token grant (RFC 6749 6): the old refresh token is spent whatever comes next. */
    TokenAnswer refresh(Network network, String refreshToken) throws OAuthError {
        Refresh held = refreshToken == null ? null : refreshTokens.get(Tokens.fingerprint(refreshToken));
        if (held == null || held.network != network) {
            throw OAuthError.invalidGrant("The refresh token is invalid or was already used");
        }
        if (clock.instant().isAfter(held.expiresAt)) {
            throw OAuthError.invalidGrant("The refresh token has expired");
        }
        if (refused(network, held.account)) {
            refreshTokens.remove(Tokens.fingerprint(refreshToken));
            throw OAuthError.invalidGrant("The refresh token was revoked by the account's admin");
        }
        boolean rotates = network != Network.YOUTUBE;
        if (rotates) {
            refreshTokens.remove(Tokens.fingerprint(refreshToken));
        }
        TokenAnswer answer = issue(network, held.account, held.scope, rotates, "refresh_token");
        return answer;
    }

    /** The next {@code count} refreshes of the account's grants (all of them when count is null) are refused. */
    void refuseRefresh(Network network, String account, Integer count) {
        refusals.put(network.key() + "/" + account, count == null ? -1 : count);
    }

    List<Issued> issued(Network network) {
        synchronized (issued) {
            return issued.stream().filter(i -> i.network() == network).toList();
        }
    }

    /** S256 of RFC 7636 section 4.2: BASE64URL(SHA256(ASCII(code_verifier))), no padding. */
    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private boolean refused(Network network, String account) {
        String key = network.key() + "/" + account;
        Integer left = refusals.computeIfPresent(key, (k, n) -> n < 0 ? n : n - 1);
        if (left == null) {
            return false;
        }
        if (left == 0) {
            refusals.remove(key, 0);
        }
        return true;
    }

    private TokenAnswer issue(Network network, String account, String scope, boolean withRefresh, String grantType) {
        Instant now = clock.instant();
        String access = token("at");
        Instant expiresAt = now.plus(config.accessTokenTtl());
        grants.register(network, access, expiresAt);
        String refresh = null;
        if (withRefresh) {
            refresh = token("rt");
            refreshTokens.put(Tokens.fingerprint(refresh),
                    new Refresh(network, account, scope, now.plus(config.refreshTokenTtl())));
        }
        issued.add(new Issued(network, account, grantType, Tokens.fingerprint(access),
                refresh == null ? null : Tokens.fingerprint(refresh), now, expiresAt));
        return new TokenAnswer(access, config.accessTokenTtl().toSeconds(), refresh, scope);
    }

    private String token(String kind) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "sandbox-" + kind + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A grant's answer as JSON, the fields of RFC 6749 section 5.1. */
    static Map<String, Object> json(TokenAnswer answer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", answer.accessToken());
        body.put("token_type", "bearer");
        body.put("expires_in", answer.expiresIn());
        if (answer.refreshToken() != null) {
            body.put("refresh_token", answer.refreshToken());
        }
        body.put("scope", answer.scope());
        return body;
    }

    private record Code(Authorization authorization, Instant expiresAt) {
    }

    private record Refresh(Network network, String account, String scope, Instant expiresAt) {
    }
}
