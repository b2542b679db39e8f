package org.clearpost.console.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private static ServiceResponse answer(Service service, int status, String contentType, String body) {
        HttpHeaders headers = HttpHeaders.of(contentType == null ? Map.of() : Map.of("Content-Type",
                List.of(contentType)), (name, value) -> true);
        return new ServiceResponse(service, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aServicesProblemWithItsViolations() {
        Problem problem = answer(Service.DRAFTING, 400, "application/problem+json", """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"The request has 2 invalid field(s)",
                 "violations":[{"field":"targets[0].network","message":"must not be null"},
                               {"field":"text","message":"must not be blank"}]}""").problem();

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.title()).isEqualTo("Bad Request");
        assertThat(problem.detail()).isEqualTo("The request has 2 invalid field(s)");
        assertThat(problem.violations()).extracting(Problem.Violation::field, Problem.Violation::message)
                .containsExactly(tuple("targets[0].network", "must not be null"), tuple("text", "must not be blank"));
        assertThat(problem.messagesFor("text")).containsExactly("must not be blank");
        assertThat(problem.messagesFor("targets[0]")).as("only the field itself").isEmpty();
    }

    @Test
    void aProblemWithoutViolationsDetailOrStatus() {
        Problem problem = answer(Service.CLEARANCE, 409, "application/problem+json; charset=UTF-8",
                "{\"title\":\"Conflict\"}").problem();

        assertThat(problem.status()).as("the HTTP status when the body has none").isEqualTo(409);
        assertThat(problem.title()).isEqualTo("Conflict");
        assertThat(problem.detail()).isNull();
        assertThat(problem.violations()).isEmpty();
    }

    @Test
    void aViolationWithoutAFieldIsKeptForTheSummary() {
        Problem problem = answer(Service.DRAFTING, 422, "application/json",
                "{\"status\":422,\"violations\":[{\"message\":\"the post as a whole is wrong\"}]}").problem();

        assertThat(problem.title()).isEqualTo("Error 422");
        assertThat(problem.violations()).extracting(Problem.Violation::field, Problem.Violation::message)
                .containsExactly(tuple(null, "the post as a whole is wrong"));
    }

    @Test
    void somethingThatIsNotJsonBecomesAProblemNamingTheService() {
        Problem html = answer(Service.ANALYTICS, 502, "text/html", "<html><body>Bad gateway</body></html>").problem();
        assertThat(html).isEqualTo(new Problem(502, "Error 502", "Figures answered 502", List.of()));

        Problem brokenJson = answer(Service.PUBLISHER, 500, "application/json", "{\"title\": ").problem();
        assertThat(brokenJson).isEqualTo(new Problem(500, "Error 500", "Publishing answered 500", List.of()));

        Problem noType = answer(Service.MONITORING, 503, null, "").problem();
        assertThat(noType).isEqualTo(new Problem(503, "Error 503", "Monitoring answered 503", List.of()));
    }

    @Test
    void anEmptyJsonBodyFallsBackToTheStatus() {
        Problem problem = answer(Service.DRAFTING, 404, "application/json", "").problem();

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.title()).isEqualTo("Error 404");
        assertThat(problem.violations()).isEmpty();
    }
}
