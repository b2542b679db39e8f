package org.clearpost.sandbox.linkedin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearpost.sandbox.domain.AccessGrants;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.Tokens;

/**
 * What every call to the sandbox's versioned LinkedIn API ({@code /linkedin/rest/...}) must pass before anything
 * else, in LinkedIn's order: a {@code LinkedIn-Version} (400 {@code VERSION_MISSING} without one, 426
 * {@code NONEXISTENT_VERSION} when it is not an active month), Rest.li protocol 2.0.0 (the sandbox insists, so a
 * connector cannot forget the header whose absence changes how LinkedIn reads URNs in URLs), and an accepted bearer
 * token (401 in LinkedIn's error shape). Errors carry LinkedIn's {@code status}, {@code serviceErrorCode} or
 * {@code code}, and {@code message}.
 */
@ApplicationScoped
public class LinkedInGate {

    private static final Pattern VERSION = Pattern.compile("(\\d{4})(\\d{2})(\\.\\d{2})?");
    private static final DateTimeFormatter YYYYMM = DateTimeFormatter.ofPattern("yyyyMM");

    private final AccessGrants grants;
    private final YearMonth oldest;

    LinkedInGate(AccessGrants grants, LinkedInSandboxConfig config) {
        this.grants = grants;
        this.oldest = YearMonth.parse(config.oldestActiveVersion(), YYYYMM);
    }

    /** The caller's token fingerprint when the call may go on, else LinkedIn's refusal. */
    public Passed check(HttpHeaders headers) {
        String version = headers.getHeaderString("LinkedIn-Version");
        if (version == null || version.isBlank()) {
            return refused(error(400, null, "VERSION_MISSING", "A version must be present. Please specify a "
                    + "version by adding the LinkedIn-Version header."));
        }
        if (!active(version.strip())) {
            return refused(error(426, null, "NONEXISTENT_VERSION", "Requested version " + version.strip()
                    + " is not active"));
        }
        if (!"2.0.0".equals(headers.getHeaderString("X-Restli-Protocol-Version"))) {
            return refused(error(400, 100, null, "X-Restli-Protocol-Version: 2.0.0 is required by this sandbox"));
        }
        Optional<String> token = Tokens.fromAuthorization(headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                "Bearer");
        Optional<String> refusal = grants.refusal(Network.LINKEDIN, token.orElse(null));
        if (refusal.isPresent()) {
            String message = token.isEmpty() ? "Empty oauth2_access_token" : "Invalid access token: "
                    + refusal.get();
            return refused(error(401, 65600, "INVALID_ACCESS_TOKEN", message));
        }
        return new Passed(Tokens.fingerprint(token.get()), null);
    }

    private boolean active(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            return false;
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return false;
        }
        YearMonth asked = YearMonth.of(Integer.parseInt(m.group(1)), month);
        return !asked.isBefore(oldest) && !asked.isAfter(YearMonth.now(ZoneOffset.UTC));
    }

    /** LinkedIn's error body: {@code status}, {@code serviceErrorCode} and/or {@code code}, {@code message}. */
    static Response error(int status, Integer serviceErrorCode, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (serviceErrorCode != null) {
            body.put("serviceErrorCode", serviceErrorCode);
        }
        if (code != null) {
            body.put("code", code);
        }
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private static Passed refused(Response response) {
        return new Passed(null, response);
    }

    /** Either the caller's token fingerprint or the answer to give instead. */
    public record Passed(String fingerprint, Response refusal) {
    }
}
