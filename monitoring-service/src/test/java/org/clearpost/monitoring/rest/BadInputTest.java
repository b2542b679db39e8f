package org.clearpost.monitoring.rest;

import static org.hamcrest.Matchers.startsWith;

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

/** Every operation of the monitoring API, read from its OpenAPI document, answers bad input with a problem, never a 5xx. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class BadInputTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyOperationAnswersBadInputWithAProblem() {
        BadInputProbe.probe(base).assertNoFailures();
    }

    @Test
    void aBodyOverTheHttpLimitIsTooLargeWithAProblem() throws Exception {
        // quarkus.http.limits.max-body-size defaults to 10M; the webhook is the one endpoint open without a token.
        // Vert.x answers from the Content-Length alone and closes, so the body is announced, not sent.
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            String head = "POST /webhooks/facebook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (11 * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder answer = new StringBuilder();
            byte[] chunk = new byte[4096];
            try {
                for (int n; (n = socket.getInputStream().read(chunk)) > 0;) {
                    answer.append(new String(chunk, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                    int bodyStart = answer.indexOf("\r\n\r\n");
                    if (bodyStart > 0 && answer.lastIndexOf("}") > bodyStart) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException enough) {
                // judged on what came
            }
            org.assertj.core.api.Assertions.assertThat(answer.toString()).startsWith("HTTP/1.1 413")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"status\":413");
        }
    }

    @Test
    void aTokenWithoutTheRoleIsForbiddenWithAProblem() {
        TokenChecks.aTokenWithoutTheRoleIsForbiddenWithAProblem(base, "inbox");
    }

    @Test
    void aTokenIssuedForAnotherClientIsRefused() {
        TokenChecks.aTokenIssuedForAnotherClientIsRefused(base, "inbox");
    }
}
