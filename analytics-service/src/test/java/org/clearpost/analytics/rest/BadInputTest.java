package org.clearpost.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URI;
import java.util.Set;
import org.clearpost.testing.BadInputProbe;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Every operation of the analytics API, read from its OpenAPI document, answers bad input with a problem, never a 5xx. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
@WithTestResource(OidcWiremockTestResource.class)
class BadInputTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyOperationAnswersBadInputWithAProblem() {
        BadInputProbe.probe(base).assertNoFailures();
    }

    @Test
    void aTokenWithoutTheRoleIsForbiddenWithAProblem() {
        given().auth().oauth2(TestTokens.forUser("nora")).when().get("/figures/counts").then().statusCode(403)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(403));
    }

    @Test
    void aTokenIssuedForAnotherClientIsRefused() {
        String elsewhere = TestTokens.forAudience(Set.of("some-other-client"), "ada", "drafter", "clearer", "lead",
                "monitor", "analyst", "admin");
        String ours = TestTokens.forUser("ada", "drafter", "clearer", "lead", "monitor", "analyst", "admin");
        given().auth().oauth2(ours).when().get("/figures/counts").then().statusCode(200);
        given().auth().oauth2(elsewhere).when().get("/figures/counts").then().statusCode(401)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(401));
    }
}
