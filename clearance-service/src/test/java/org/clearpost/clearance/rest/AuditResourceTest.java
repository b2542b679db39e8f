package org.clearpost.clearance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.clearance.DraftedPostMother;
import org.clearpost.events.PostDrafted;
import org.clearpost.testing.KafkaClients;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chain as real flows build it, and what verification reports after someone with owner rights edits PostgreSQL
 * directly. Every tampering is undone in the same test, because the whole test JVM shares one audit log.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuditResourceTest {

    @RegisterExtension
    static final KafkaClients kafka = new KafkaClients();

    @Inject
    DataSource dataSource;

    @Test
    void aChainBuiltBySubmissionsWithdrawalsAndDecisionsVerifies() {
        UUID postId = UUID.randomUUID();
        AuditedFlows.submit(kafka.sender(), DraftedPostMother.version(postId, 1, "dana"));
        UUID second = AuditedFlows.submit(kafka.sender(), DraftedPostMother.version(postId, 2, "dana"));
        AuditedFlows.reject(second, "Names a party");
        AuditedFlows.approve(AuditedFlows.submit(kafka.sender(), DraftedPostMother.byDana()));

        given().auth().oauth2(AuditedFlows.LEAD_TOKEN).get("/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("entries", greaterThanOrEqualTo(5));
    }

    @Test
    void anEditedEntryIsReportedAsTheFirstBrokenLink() throws SQLException {
        long submission = approvedPostSubmissionSeq();
        String originalDetails = stringOf("SELECT details::text FROM audit_log WHERE seq = " + submission);
        try {
            asOwnerWithoutTheTrigger("UPDATE audit_log SET details = jsonb_set(details, '{text}', "
                    + "'\"We never said that\"') WHERE seq = " + submission);

            given().auth().oauth2(TestTokens.forUser("ada", "admin")).get("/audit/verify").then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) submission))
                    .body("reason", equalTo("hash mismatch"));
        } finally {
            asOwnerWithoutTheTrigger("UPDATE audit_log SET details = " + literal(originalDetails)
                    + "::jsonb WHERE seq = " + submission);
        }
        given().auth().oauth2(AuditedFlows.LEAD_TOKEN).get("/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void aDeletedEntryBreaksTheLinkOfTheOneAfterIt() throws SQLException {
        long submission = approvedPostSubmissionSeq();
        String removedRow = stringOf("SELECT row_to_json(a)::text FROM audit_log a WHERE seq = " + submission);
        try {
            asOwnerWithoutTheTrigger("DELETE FROM audit_log WHERE seq = " + submission);
            long next = longOf("SELECT min(seq) FROM audit_log WHERE seq > " + submission);

            given().auth().oauth2(AuditedFlows.LEAD_TOKEN).get("/audit/verify").then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) next))
                    .body("reason", equalTo("broken link"));
        } finally {
            // Inserting needs no trigger switched off: the log is append-only, not closed.
            asOwner("INSERT INTO audit_log SELECT * FROM json_populate_record(null::audit_log, " + literal(removedRow)
                    + ")");
        }
        given().auth().oauth2(AuditedFlows.LEAD_TOKEN).get("/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void onlyLeadsAndAdminsVerify() {
        given().get("/audit/verify").then().statusCode(401);
        given().auth().oauth2(TestTokens.forUser("colin", "clearer")).get("/audit/verify").then().statusCode(403);
        given().auth().oauth2(TestTokens.forUser("ann", "analyst")).get("/audit/verify").then().statusCode(403);
    }

    /** A post submitted and approved; returns its submission entry, which therefore has a successor. */
    private long approvedPostSubmissionSeq() throws SQLException {
        PostDrafted drafted = DraftedPostMother.byDana();
        AuditedFlows.approve(AuditedFlows.submit(kafka.sender(), drafted));
        long seq = longOf("SELECT seq FROM audit_log WHERE post_id = '" + drafted.postId()
                + "' AND action = 'POST_VERSION_SUBMITTED'");
        assertThat(longOf("SELECT count(*) FROM audit_log WHERE seq > " + seq)).isPositive();
        return seq;
    }

    /**
     * What an attacker with the owner's rights would do: switch the append-only trigger off, change history, switch it
     * back on. All in one transaction, so the trigger is never off for anyone else.
     */
    private void asOwnerWithoutTheTrigger(String statement) throws SQLException {
        asOwner("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only", statement,
                "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
    }

    private void asOwner(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (String statement : statements) {
                    sql.execute(statement);
                }
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private String stringOf(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(query)) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private long longOf(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery(query)) {
            assertThat(row.next()).isTrue();
            return row.getLong(1);
        }
    }
}
