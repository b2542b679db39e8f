package org.clearpost.sandbox.flickr;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.AccessGrants;
import org.clearpost.sandbox.domain.Network;

/**
 * Checks a request's OAuth 1.0a signature as Flickr does, with the sandbox app's consumer secret and the secret of
 * the token it names: none (request token), a request token's, or an access token's.
 */
@ApplicationScoped
public class FlickrSignatures {

    /** Which token the request must carry. */
    enum TokenKind { NONE, REQUEST, ACCESS }

    /** Flickr's error code and message (REST and upload), and the OAuth endpoints' {@code oauth_problem}. */
    record Refusal(int code, String message, String oauthProblem) {
    }

    /** A request whose signature checked out: all its parameters, and the grant of its access token if any. */
    record Signed(Map<String, String> params, Optional<FlickrAccounts.Grant> grant) {
    }

    private final FlickrSandboxConfig config;
    private final FlickrAccounts accounts;
    private final AccessGrants grants;
    private final Clock clock = Clock.systemUTC();

    FlickrSignatures(FlickrSandboxConfig config, FlickrAccounts accounts, AccessGrants grants) {
        this.config = config;
        this.accounts = accounts;
        this.grants = grants;
    }

    /**
     * Checks the request: {@code params} are its query and form parameters (decoded, no file), the
     * {@code Authorization} header may add the {@code oauth_*} ones. Answers the refusal, or the signed request.
     */
    Object check(String method, URI url, List<Map.Entry<String, String>> params, String authorization,
            TokenKind kind) {
        List<Map.Entry<String, String>> all = new ArrayList<>(params);
        all.addAll(OAuth1Check.headerParams(authorization).entrySet());
        Map<String, String> byName = new LinkedHashMap<>();
        all.forEach(e -> byName.putIfAbsent(e.getKey(), e.getValue()));
        if (!config.consumerKey().equals(byName.get("oauth_consumer_key"))) {
            return new Refusal(100, "Invalid API Key (Key not found)", "consumer_key_unknown");
        }
        if (byName.get("oauth_signature") == null) {
            return new Refusal(97, "Missing signature", "parameter_absent");
        }
        if (!"HMAC-SHA1".equals(byName.get("oauth_signature_method"))) {
            return new Refusal(96, "Invalid signature", "signature_method_rejected");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(byName.getOrDefault("oauth_timestamp", ""));
        } catch (NumberFormatException e) {
            return new Refusal(96, "Invalid signature", "timestamp_refused");
        }
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > config.timestampToleranceSeconds()) {
            return new Refusal(96, "Invalid signature", "timestamp_refused");
        }
        String token = byName.get("oauth_token");
        String tokenSecret = "";
        Optional<FlickrAccounts.Grant> grant = Optional.empty();
        if (kind == TokenKind.REQUEST) {
            Optional<FlickrAccounts.RequestToken> request = token == null ? Optional.empty()
                    : accounts.requestToken(token);
            if (request.isEmpty()) {
                return new Refusal(98, "Invalid auth token", "token_rejected");
            }
            tokenSecret = request.get().secret();
        } else if (kind == TokenKind.ACCESS) {
            if (token == null || grants.refusal(Network.FLICKR, token).isPresent()) {
                return new Refusal(98, "Invalid auth token", "token_rejected");
            }
            grant = accounts.grant(token);
            if (grant.isEmpty()) {
                return new Refusal(98, "Invalid auth token", "token_rejected");
            }
            tokenSecret = grant.get().secret();
        }
        String base = OAuth1Check.baseString(method, url, all);
        if (!OAuth1Check.verify(base, config.consumerSecret(), tokenSecret, byName.get("oauth_signature"))) {
            return new Refusal(96, "Invalid signature", "signature_invalid");
        }
        // Only a signed request spends its nonce: a forged one must not lock the real one out.
        if (!accounts.firstUse(byName.get("oauth_timestamp"), String.valueOf(byName.get("oauth_nonce")),
                String.valueOf(token))) {
            return new Refusal(96, "Invalid signature", "nonce_used");
        }
        return new Signed(byName, grant);
    }
}
