package org.clearpost.monitoring.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "test-app-secret";
    private static final byte[] BODY = PageWebhooks.notification(PageWebhooks.PAGE_ID, 1_700_000_000L,
            PageWebhooks.comment(PageWebhooks.PAGE_ID + "_987654321", "987654321_555", "5550001", "Jo Resident",
                    "When does the tip reopen? 🚮", 1_700_000_000L));

    private final WebhookSignature signature = new WebhookSignature(SECRET);

    @Test
    void acceptsTheHmacOfTheExactBytes() {
        assertThat(signature.matches(BODY, PageWebhooks.sign(SECRET, BODY))).isTrue();
    }

    @Test
    void agreesWithTheRfc4231TestVector() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        String hmac = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

        assertThat(new WebhookSignature("Jefe").matches(data, "sha256=" + hmac)).isTrue();
        assertThat(new WebhookSignature("Jefe").matches(data, "sha256=" + hmac.toUpperCase())).isTrue();
    }

    @Test
    void refusesABodyThatDiffersByOneByte() {
        byte[] tampered = Arrays.copyOf(BODY, BODY.length);
        tampered[tampered.length - 2] ^= 1;

        assertThat(signature.matches(tampered, PageWebhooks.sign(SECRET, BODY))).isFalse();
    }

    @Test
    void refusesTheSameJsonSerialisedDifferently() {
        byte[] compact = new String(BODY, StandardCharsets.UTF_8).replaceAll("\\n\\s*", "")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(compact).isNotEqualTo(BODY);
        assertThat(signature.matches(compact, PageWebhooks.sign(SECRET, BODY))).isFalse();
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        assertThat(signature.matches(BODY, PageWebhooks.sign("another-secret", BODY))).isFalse();
    }

    @Test
    void refusesMissingOrMalformedHeaders() {
        String good = PageWebhooks.sign(SECRET, BODY);
        String hex = good.substring("sha256=".length());

        assertThat(signature.matches(BODY, null)).isFalse();
        assertThat(signature.matches(BODY, "")).isFalse();
        assertThat(signature.matches(BODY, hex)).as("no algorithm prefix").isFalse();
        assertThat(signature.matches(BODY, "sha1=" + hex)).isFalse();
        assertThat(signature.matches(BODY, "sha256=")).isFalse();
        assertThat(signature.matches(BODY, "sha256=" + hex.substring(0, 62))).as("truncated").isFalse();
        assertThat(signature.matches(BODY, "sha256=" + hex + "00")).as("too long").isFalse();
        assertThat(signature.matches(BODY, "sha256=" + "zz" + hex.substring(2))).as("not hex").isFalse();
    }

    @Test
    void needsASecret() {
        assertThatThrownBy(() -> new WebhookSignature("")).isInstanceOf(IllegalArgumentException.class);
    }
}
