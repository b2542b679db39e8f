package org.clearpost.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void matchesTheRfc4231TestVector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(WebhookSigner.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void signsBytesNotJsonMeaning() {
        // Same JSON value, different bytes: a receiver that re-serialises before checking would fail.
        String compact = WebhookSigner.sign("s", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        String spaced = WebhookSigner.sign("s", "{\"a\": 1}".getBytes(StandardCharsets.UTF_8));
        assertThat(compact).isNotEqualTo(spaced).startsWith("sha256=").hasSize("sha256=".length() + 64);
    }
}
