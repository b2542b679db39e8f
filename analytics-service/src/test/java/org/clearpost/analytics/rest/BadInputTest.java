package org.clearpost.analytics.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URI;
import org.clearpost.testing.BadInputProbe;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TokenChecks;
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
        TokenChecks.aTokenWithoutTheRoleIsForbiddenWithAProblem(base, "figures");
    }

    @Test
    void aTokenIssuedForAnotherClientIsRefused() {
        TokenChecks.aTokenIssuedForAnotherClientIsRefused(base, "figures");
    }
}
