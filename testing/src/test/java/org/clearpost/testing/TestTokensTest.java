package org.clearpost.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies tokens the way quarkus-oidc does: signature against the mock server's JWKS, issuer, audience. */
class TestTokensTest {

    static final OidcWiremockTestResource OIDC = new OidcWiremockTestResource();
    static String keycloakUrl;

    @BeforeAll
    static void startMockOidcServer() {
        keycloakUrl = OIDC.start().get("keycloak.url");
    }

    @AfterAll
    static void stopMockOidcServer() {
        OIDC.stop();
    }

    @Test
    void tokenIsSignedByTheMockServerAndCarriesUserAndRoles() throws Exception {
        String token = TestTokens.forUser("lee", "clearer", "lead");

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(
                        new HttpsJwks(keycloakUrl + "/realms/quarkus/protocol/openid-connect/certs")))
                .setExpectedIssuer("https://server.example.com")
                .setExpectedAudience("https://server.example.com")
                .setRequireExpirationTime()
                .build()
                .processToClaims(token);

        assertThat(claims.getStringClaimValue("preferred_username")).isEqualTo("lee");
        assertThat(claims.getSubject()).isEqualTo(TestTokens.subjectOf("lee")).isNotEqualTo("lee");
        assertThat(claims.getStringListClaimValue("groups")).containsExactlyInAnyOrder("clearer", "lead");
        @SuppressWarnings("unchecked")
        Map<String, Object> realmAccess = (Map<String, Object>) claims.getClaimValue("realm_access");
        assertThat(realmAccess.get("roles")).asList().containsExactlyInAnyOrder("clearer", "lead");
    }
}
