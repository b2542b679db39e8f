package org.clearpost.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.events.EventType;
import org.clearpost.events.PostCleared;
import org.clearpost.local.Component;
import org.clearpost.testing.CloudEventAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clause 3.4 across the running services: while a pre-election period is in force only essential posts go out, and
 * only after a clearer and then a lead have each approved them, every exemption on the record.
 */
@ExtendWith(RunningPlatform.Resolver.class)
class PreElectionPeriodIT {

    private static final String X_ACCOUNT = "clearpost_demo";

    private static RunningPlatform platform;
    private static Journeys journeys;

    @BeforeAll
    static void connectAccount(RunningPlatform running) {
        platform = running;
        journeys = new Journeys(running);
        journeys.connectXAccount(X_ACCOUNT, "e2e-x-token");
    }

    @Test
    void duringAPeriodOnlyAnEssentialPostIsClearedAndOnlyAfterTheLeadsStep() {
        Instant now = Instant.now();
        String periodId = platform.as("lee", Component.CLEARANCE)
                .body(Map.of("name", "E2E by-election " + UUID.randomUUID(), "kind", "by-election",
                        "scope", "Clearpost ward", "startsAt", london(now.minus(Duration.ofMinutes(1))),
                        "endsAt", london(now.plus(Duration.ofHours(2)))))
                .post("/pre-election/periods").then().statusCode(201).extract().path("id");
        try {
            String ordinaryText = "Our new podcast episode is out " + UUID.randomUUID();
            UUID ordinary = journeys.draftedAndSubmitted(Map.of("text", ordinaryText,
                    "targets", List.of(Map.of("network", "X", "account", X_ACCOUNT))));
            String ordinaryCase = journeys.awaitCase(ordinary);
            platform.as("colin", Component.CLEARANCE).get("/clearances/{id}", ordinaryCase).then().statusCode(200)
                    .body("route.name", equalTo("pre-election"));
            platform.as("colin", Component.CLEARANCE).body(Map.of("comment", "Looks fine"))
                    .post("/clearances/{id}/approve", ordinaryCase).then().statusCode(409)
                    .contentType(containsString("application/problem+json"))
                    .body("detail", containsString("essential"));

            String essentialText = "Polling stations in the ward open 7am to 10pm on Thursday " + UUID.randomUUID();
            String reason = "Factual information voters need to vote";
            UUID essential = journeys.draftedAndSubmitted(Map.of("text", essentialText, "essentialReason", reason,
                    "targets", List.of(Map.of("network", "X", "account", X_ACCOUNT))));
            String essentialCase = journeys.awaitCase(essential);
            platform.as("colin", Component.CLEARANCE).body(Map.of("comment", "Factual, no party named"))
                    .post("/clearances/{id}/approve", essentialCase).then().statusCode(200)
                    .body("status", equalTo("PENDING"));
            assertThat(journeys.heldInSandbox(essentialText)).isEmpty();
            // The same clearer cannot also take the lead's step.
            platform.as("lee", Component.CLEARANCE).get("/clearances/{id}", essentialCase).then().statusCode(200)
                    .body("route.stepsTaken.size()", equalTo(1)).body("route.remainingSteps.size()", equalTo(1));
            platform.as("colin", Component.CLEARANCE).body(Map.of())
                    .post("/clearances/{id}/approve", essentialCase).then().statusCode(403);
            platform.as("lee", Component.CLEARANCE).body(Map.of("comment", "Essential: cleared in the period"))
                    .post("/clearances/{id}/approve", essentialCase).then().statusCode(200)
                    .body("status", equalTo("CLEARED"));

            journeys.awaitPostStatus(essential, "PUBLISHED");
            assertThat(journeys.heldInSandbox(essentialText)).hasSize(1);
            assertThat(journeys.heldInSandbox(ordinaryText)).isEmpty();
            PostCleared cleared = (PostCleared) CloudEventAssertions.assertCloudEvent(
                    journeys.onlyRecord(EventType.POST_CLEARED, essential), EventType.POST_CLEARED,
                    "/clearpost/clearance-service");
            assertThat(cleared.route()).isEqualTo("pre-election");
            assertThat(cleared.clearedBy()).isEqualTo("lee");

            JsonPath exemptions = platform.as("lee", Component.CLEARANCE).get("/pre-election/exemptions").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(exemptions.getList("findAll { it.postId == '" + essential + "' }.essentialReason"))
                    .containsExactly(reason);
            platform.as("lee", Component.CLEARANCE).get("/audit/verify").then().statusCode(200)
                    .body("valid", equalTo(true));
        } finally {
            platform.as("lee", Component.CLEARANCE).body(Map.of("reason", "End of the e2e period"))
                    .delete("/pre-election/periods/{id}", periodId).then().statusCode(200);
        }
    }

    /** A lead types London wall-clock time, without an offset. */
    private static String london(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneId.of("Europe/London")).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
