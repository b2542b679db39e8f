package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.clearpost.publisher.config.NetworksConfig;

/**
 * What every call to LinkedIn's versioned REST API shares: the headers ({@code Authorization: Bearer},
 * {@code LinkedIn-Version}, {@code X-Restli-Protocol-Version: 2.0.0}), URNs in paths and query strings URL-encoded,
 * and what an error answer means. LinkedIn's errors carry {@code status}, {@code message} and a
 * {@code serviceErrorCode} or {@code code} (a duplicate's code is in {@code errorDetails.inputErrors[].code}).
 */
final class LinkedInApi {

    private final NetworkHttp http;
    private final URI base;
    private final String version;

    LinkedInApi(NetworkHttp http, NetworksConfig.LinkedIn config) {
        this.http = http;
        this.base = config.baseUrl();
        this.version = config.version();
    }

    HttpRequest.Builder call(PublishRequest request, String path) {
        return signed(request, NetworkHttp.endpoint(base, path))
                .header("LinkedIn-Version", version)
                .header("X-Restli-Protocol-Version", "2.0.0");
    }

    HttpRequest.Builder post(PublishRequest request, String path, Object body) {
        return call(request, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(http.json(body)));
    }

    /** A call to a URL LinkedIn handed out (an image upload URL): the token only. */
    static HttpRequest.Builder signed(PublishRequest request, URI url) {
        return HttpRequest.newBuilder(url).header("Authorization", "Bearer " + request.token().value());
    }

    static String encode(String urn) {
        return URLEncoder.encode(urn, StandardCharsets.UTF_8);
    }

    /** The organisation page (or member) the account stands for, as an author URN. */
    static String author(String account) {
        return account.startsWith("urn:li:") ? account : "urn:li:organization:" + account;
    }

    static URI postUrl(String urn) {
        return URI.create("https://www.linkedin.com/feed/update/" + urn + "/");
    }

    static URI commentUrl(String postUrn, String commentUrn) {
        return URI.create("https://www.linkedin.com/feed/update/" + postUrn + "?commentUrn=" + encode(commentUrn));
    }

    /** LinkedIn's own code of an error answer: {@code serviceErrorCode}, {@code code}, or the input error's code. */
    String code(JsonNode body) {
        for (JsonNode candidate : new JsonNode[] {body.path("errorDetails").path("inputErrors").path(0).path("code"),
                body.path("code"), body.path("serviceErrorCode")}) {
            if (!candidate.isMissingNode() && !candidate.isNull() && !candidate.asText().isBlank()) {
                return candidate.asText();
            }
        }
        return null;
    }

    boolean isDuplicate(HttpResponse<String> response) {
        return response.statusCode() == 422 && "DUPLICATE_POST".equals(code(http.json(response.body())));
    }

    /** What a non-2xx answer means: try later (429, 5xx), connect again (401), or refused for good. */
    PublishResult refusal(HttpResponse<String> response, String account, String what) {
        int status = response.statusCode();
        JsonNode body = http.json(response.body());
        String code = code(body);
        String message = NetworkHttp.message(body.path("message").asText(null), response.body());
        String said = "(" + status + (code == null ? "" : " " + code) + "): " + message;
        if (status == 429) {
            // LinkedIn sends no rate-limit headers; its daily counters start again at midnight UTC.
            Instant midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            return new PublishResult.Retry("LinkedIn allows no more posts from " + account + " today " + said,
                    midnight);
        }
        if (status >= 500) {
            return new PublishResult.Retry("LinkedIn answered " + said, null);
        }
        if (status == 401) {
            return new PublishResult.NeedsReconnect("LinkedIn did not accept the access token of account " + account
                    + " " + said + ": an admin must connect it again", null);
        }
        if (status == 426) {
            return new PublishResult.Failed("LinkedIn no longer serves API version " + version
                    + " (clearpost.networks.linkedin.version) " + said, null);
        }
        return new PublishResult.Failed("LinkedIn refused " + what + " " + said, null);
    }

    NetworkHttp http() {
        return http;
    }
}
