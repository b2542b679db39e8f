package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.NetworksConfig;

/**
 * Facebook Page via the Graph API: {@code POST /{page-id}/feed} with {@code message} and the Page access token, as a
 * form body (not the query string, where proxies log it).
 */
@ApplicationScoped
public class FacebookConnector implements NetworkConnector {

    /** Graph error codes that mean "not now": unknown or temporary errors, and the app, user and Page rate limits. */
    private static final Set<Integer> TRY_LATER_CODES = Set.of(1, 2, 4, 17, 32, 613, 80001);
    /** Graph's code for an access token that is invalid, expired or revoked. */
    private static final int INVALID_TOKEN = 190;

    private final NetworkHttp http;
    private final URI base;

    public FacebookConnector(NetworkHttp http, NetworksConfig config) {
        this.http = http;
        this.base = config.facebook().baseUrl();
    }

    @Override
    public Network network() {
        return Network.FACEBOOK;
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        String form = "message=" + encode(request.text()) + "&access_token=" + encode(request.token().value());
        HttpRequest.Builder call = HttpRequest.newBuilder(NetworkHttp.endpoint(base,
                        "/" + encode(request.account()) + "/feed"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        return http.send("Facebook", call, response -> read(response, request.account()));
    }

    private PublishResult read(HttpResponse<String> response, String page) {
        int status = response.statusCode();
        JsonNode body = http.json(response.body());
        if (status / 100 == 2) {
            String id = body.path("id").asText("");
            if (id.isEmpty()) {
                return new PublishResult.Failed(PublishResult.outcomeUnknown(
                        "Facebook answered " + status + " without a post id"), null);
            }
            return new PublishResult.Published(id, URI.create("https://www.facebook.com/" + id), null);
        }
        JsonNode error = body.path("error");
        String message = NetworkHttp.message(error.path("message").asText(null), response.body());
        int code = error.path("code").asInt(0);
        if (status >= 500 || error.path("is_transient").asBoolean(false) || TRY_LATER_CODES.contains(code)) {
            return new PublishResult.Retry("Facebook answered " + status + ": " + message, null);
        }
        if (code == INVALID_TOKEN || status == 401) {
            return new PublishResult.Failed("Facebook did not accept the access token of page " + page + " ("
                    + message + "): an admin must connect it again", null);
        }
        return new PublishResult.Failed("Facebook refused the post (" + status + "): " + message, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
