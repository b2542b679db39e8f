package org.clearpost.clearance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID ID = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private static final UUID POST = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    private static final Instant AT = Instant.parse("2026-11-29T10:15:30.123456Z");

    @Test
    void canonicalJsonSortsKeysAtEveryLevelAndHasNoWhitespace() throws Exception {
        JsonNode details = JSON.readTree("{ \"b\": [ {\"z\": 1, \"a\": null} ], \"a\": \"x, \\\"y\\\"\" }");

        assertThat(AuditHash.canonical(details)).isEqualTo("{\"a\":\"x, \\\"y\\\"\",\"b\":[{\"a\":null,\"z\":1}]}");
    }

    @Test
    void theHashIsSha256OfTheDocumentedCanonicalArray() throws Exception {
        JsonNode details = JSON.readTree("{\"comment\":\"ok\",\"caseId\":\"c1\"}");
        String input = "[7,\"11111111-2222-3333-4444-555555555555\",\"2026-11-29T10:15:30.123456Z\",\"colin\","
                + "\"CASE_APPROVED\",\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\",2,"
                + "{\"caseId\":\"c1\",\"comment\":\"ok\"},\""
                + AuditHash.GENESIS + "\"]";

        assertThat(AuditHash.of(7, ID, AT, "colin", "CASE_APPROVED", POST, 2, details, AuditHash.GENESIS))
                .isEqualTo(sha256(input));
    }

    @Test
    void keyOrderInTheStoredDetailsDoesNotChangeTheHash() throws Exception {
        assertThat(hash(JSON.readTree("{\"a\":1,\"b\":{\"d\":true,\"c\":\"x\"}}")))
                .isEqualTo(hash(JSON.readTree("{\"b\":{\"c\":\"x\",\"d\":true},\"a\":1}")));
    }

    @Test
    void everyFieldIsCovered() throws Exception {
        JsonNode details = JSON.readTree("{\"a\":1}");
        String original = hash(details);

        assertThat(AuditHash.of(2, ID, AT, "dana", "CASE_APPROVED", null, null, details, AuditHash.GENESIS))
                .isNotEqualTo(original);
        assertThat(AuditHash.of(1, UUID.randomUUID(), AT, "dana", "CASE_APPROVED", null, null, details,
                AuditHash.GENESIS)).isNotEqualTo(original);
        assertThat(AuditHash.of(1, ID, AT.plusNanos(1000), "dana", "CASE_APPROVED", null, null, details,
                AuditHash.GENESIS)).isNotEqualTo(original);
        assertThat(AuditHash.of(1, ID, AT, "mallory", "CASE_APPROVED", null, null, details, AuditHash.GENESIS))
                .isNotEqualTo(original);
        assertThat(AuditHash.of(1, ID, AT, "dana", "CASE_REJECTED", null, null, details, AuditHash.GENESIS))
                .isNotEqualTo(original);
        assertThat(AuditHash.of(1, ID, AT, "dana", "CASE_APPROVED", POST, null, details, AuditHash.GENESIS))
                .isNotEqualTo(original);
        assertThat(AuditHash.of(1, ID, AT, "dana", "CASE_APPROVED", null, 1, details, AuditHash.GENESIS))
                .isNotEqualTo(original);
        assertThat(AuditHash.of(1, ID, AT, "dana", "CASE_APPROVED", null, null, JSON.readTree("{\"a\":2}"),
                AuditHash.GENESIS)).isNotEqualTo(original);
        assertThat(AuditHash.of(1, ID, AT, "dana", "CASE_APPROVED", null, null, details, "1".repeat(64)))
                .isNotEqualTo(original);
    }

    private static String hash(JsonNode details) {
        return AuditHash.of(1, ID, AT, "dana", "CASE_APPROVED", null, null, details, AuditHash.GENESIS);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
