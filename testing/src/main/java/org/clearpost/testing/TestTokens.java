package org.clearpost.testing;

import io.smallrye.jwt.build.Jwt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Signed access tokens for tests that run with {@code io.quarkus.test.oidc.server.OidcWiremockTestResource}
 * (configure {@code %test.quarkus.oidc.auth-server-url=${keycloak.url}/realms/quarkus/}).
 *
 * <p>The tokens are shaped like the ones the clearpost Keycloak realm issues: the user name in
 * {@code preferred_username} (quarkus-oidc's principal name), the roles in {@code realm_access.roles} and, as the
 * mock's own tokens do, in {@code groups}; quarkus-oidc reads both by default. They are signed with the mock's key
 * and carry its issuer and audience, so a service verifies them for real.
 */
public final class TestTokens {

    // Same defaults and overrides as OidcWiremockTestResource, so the issuer matches its discovery document.
    private static final String ISSUER = System.getProperty("quarkus.test.oidc.token.issuer", "https://server.example.com");
    private static final String AUDIENCE = System.getProperty("quarkus.test.oidc.token.audience", "https://server.example.com");
    /** The audience every service requires ({@code quarkus.oidc.token.audience}); the realm's clients put it in. */
    public static final String API_AUDIENCE = "clearpost-api";
    private static final String MOCK_SIGNING_KEY = "privateKey.jwk";
    private static final String MOCK_KEY_ID = "1";

    private TestTokens() {
    }

    /** A bearer token for {@code user} holding the given realm roles, e.g. {@code forUser("dana", "drafter")}. */
    public static String forUser(String user, String... roles) {
        return forAudience(Set.of(AUDIENCE, API_AUDIENCE), user, roles);
    }

    /**
     * A token like {@link #forUser} but for the given audiences only: {@code forAudience(Set.of("other-client"), ..)}
     * is a genuine token of the realm that was issued to another client, which the services must refuse.
     */
    public static String forAudience(Set<String> audiences, String user, String... roles) {
        Set<String> roleSet = Set.of(roles);
        return Jwt.preferredUserName(user)
                .issuer(ISSUER)
                .audience(audiences)
                // Keycloak's subject is an opaque id, not the user name; keep tests honest about that.
                .subject(subjectOf(user))
                .claim("typ", "Bearer")
                .claim("email", user + "@clearpost.example")
                .claim("realm_access", Map.of("roles", List.copyOf(roleSet)))
                .groups(roleSet)
                .jws()
                .keyId(MOCK_KEY_ID)
                .sign(MOCK_SIGNING_KEY);
    }

    /** The stable, opaque subject ({@code sub}) that {@link #forUser} puts into tokens of {@code user}. */
    public static String subjectOf(String user) {
        return UUID.nameUUIDFromBytes(("clearpost-user:" + user).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
