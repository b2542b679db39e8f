package org.clearpost.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * The token checks every service's API must pass, written once: a read operation of the service ({@code path}) is
 * answered 403 problem+json to a valid token without the role, 401 problem+json to a token issued for another client
 * (audience), and 200 to the same user's token for Clearpost.
 */
public final class TokenChecks {

    private static final String[] ALL_ROLES = {"drafter", "clearer", "lead", "monitor", "analyst", "admin"};
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TokenChecks() {
    }

    public static void aTokenWithoutTheRoleIsForbiddenWithAProblem(URI base, String path) {
        assertProblem(get(base, path, TestTokens.forUser("nora")), 403);
    }

    public static void aTokenIssuedForAnotherClientIsRefused(URI base, String path) {
        String ours = TestTokens.forUser("ada", ALL_ROLES);
        String elsewhere = TestTokens.forAudience(Set.of("some-other-client"), "ada", ALL_ROLES);
        assertEquals(200, get(base, path, ours).statusCode(), "GET " + path + " with a Clearpost token");
        assertProblem(get(base, path, elsewhere), 401);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.uri().toString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/problem+json"), response.uri() + " answered " + type);
        assertTrue(response.body().contains("\"status\":" + status), response.uri() + " answered " + response.body());
    }

    private static HttpResponse<String> get(URI base, String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
