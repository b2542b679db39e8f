package org.clearpost.clearance.rest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URI;
import org.clearpost.testing.BadInputProbe;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TokenChecks;
import org.junit.jupiter.api.Test;

/** Every operation of the clearance API, read from its OpenAPI document, answers bad input with a problem, never a 5xx. */
// @QuarkusTestResource as in the module's other @QuarkusTests, not @WithTestResource: the latter's resources are
// matched per class, so this class alone would need a Quarkus restart of its own.
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class BadInputTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyOperationAnswersBadInputWithAProblem() {
        BadInputProbe.probe(base).assertNoFailures();
    }

    @Test
    void aTokenWithoutTheRoleIsForbiddenWithAProblem() {
        TokenChecks.aTokenWithoutTheRoleIsForbiddenWithAProblem(base, "clearances");
    }

    @Test
    void aTokenIssuedForAnotherClientIsRefused() {
        TokenChecks.aTokenIssuedForAnotherClientIsRefused(base, "clearances");
    }
}
