package org.clearpost.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    private static final List<AccountRow> LISTED = List.of(new AccountRow("BLUESKY", "body.bsky.social", "ada",
            Instant.EPOCH, "token", null, false, null, Instant.EPOCH));

    @Test
    void aConnectIsAnnouncedOnlyWhenTheAccountIsListed() {
        assertThat(Outcome.of("BLUESKY:body.bsky.social", null, LISTED).message())
                .isEqualTo("Bluesky account body.bsky.social is connected");
        assertThat(Outcome.of("X:someone_else", null, LISTED)).isNull();
    }

    @Test
    void aDisconnectIsAnnouncedOnlyWhenTheAccountIsGone() {
        assertThat(Outcome.of(null, "X:old_account", LISTED).heading()).isEqualTo("Account disconnected");
        assertThat(Outcome.of(null, "BLUESKY:body.bsky.social", LISTED)).isNull();
        assertThat(Outcome.of(null, "no colon", LISTED)).isNull();
        assertThat(Outcome.of(null, null, LISTED)).isNull();
    }
}
