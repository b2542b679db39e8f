package org.clearpost.sandbox.metrics;

import jakarta.ws.rs.core.HttpHeaders;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.Tokens;

/**
 * What every Graph API resource of the sandbox ({@code rest.GraphApiResource}, {@link GraphMetricsResource}) reads and
 * answers the same way, as graph.facebook.com does. Here rather than in {@code rest}, which nothing may depend on.
 */
public final class GraphResponses {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private GraphResponses() {
    }

    /** The caller's token: {@code Authorization: Bearer|OAuth ...}, else the {@code access_token} parameter. */
    public static Optional<String> token(HttpHeaders headers, String accessToken) {
        return Tokens.fromAuthorization(headers.getHeaderString(HttpHeaders.AUTHORIZATION), "Bearer", "OAuth")
                .or(() -> Tokens.nonBlank(accessToken));
    }

    /**
     * Graph's error body: {"error":{"message","type":"OAuthException","code",["error_subcode"],["is_transient"],
     * "fbtrace_id"}}.
     *
     * @param subcode {@code null} for none
     * @param transientError whether to say {@code "is_transient":true} (a retry may succeed)
     */
    public static Map<String, Object> errorBody(String message, int code, Integer subcode, boolean transientError) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", "OAuthException");
        error.put("code", code);
        if (subcode != null) {
            error.put("error_subcode", subcode);
        }
        if (transientError) {
            error.put("is_transient", true);
        }
        error.put("fbtrace_id", fbtraceId());
        return Map.of("error", error);
    }

    /** An 11-character id like the ones Graph gives each request, for its support to trace. */
    private static String fbtraceId() {
        StringBuilder sb = new StringBuilder(11);
        for (int i = 0; i < 11; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
