package org.clearpost.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountRowTest {

    private static final Instant NOW = Instant.parse("2026-12-02T17:00:00Z");

    private static List<AccountRow> rows(String json) throws Exception {
        return AccountRow.of(new ObjectMapper().readTree(json), NOW);
    }

    @Test
    void anAccountTheNetworkRefusedNeedsReconnectingWithTheNetworksWords() throws Exception {
        AccountRow row = rows("""
                [{"network":"X","account":"clearpost_demo","connectedBy":"ada","connectedAt":"2026-06-01T08:30:00Z",
                  "method":"oauth2","expiresAt":"2026-12-03T17:00:00Z","needsReconnect":true,
                  "reconnectReason":"invalid_grant: token revoked"}]""").get(0);

        assertThat(row.getState()).isEqualTo("Needs reconnecting");
        assertThat(row.getStateClass()).isEqualTo("govuk-tag--red");
        assertThat(row.getReason()).isEqualTo("invalid_grant: token revoked");
        assertThat(row.getConnected()).isEqualTo("1 June 2026 at 9:30am by ada");
        assertThat(row.getMethodName()).isEqualTo("OAuth 2.0");
        assertThat(row.isOauth()).isTrue();
    }

    @Test
    void aTokenBeforeItsExpiryIsConnectedAndOneWithoutExpiryDoesNotExpire() throws Exception {
        List<AccountRow> rows = rows("""
                [{"network":"FACEBOOK","account":"100200","method":"token","expiresAt":"2026-12-09T17:00:00Z",
                  "needsReconnect":false},
                 {"network":"BLUESKY","account":"body.bsky.social","method":"token","needsReconnect":false}]""");

        AccountRow bluesky = rows.get(0);
        AccountRow facebook = rows.get(1);
        assertThat(facebook.getState()).isEqualTo("Connected");
        assertThat(facebook.getStateClass()).isEqualTo("govuk-tag--green");
        assertThat(facebook.getExpiry()).isEqualTo("9 December 2026 at 5:00pm");
        assertThat(facebook.getMethodName()).isEqualTo("Access token");
        assertThat(bluesky.getState()).isEqualTo("Connected");
        assertThat(bluesky.getExpiry()).isEqualTo("Does not expire");
        assertThat(bluesky.getMethodName()).isEqualTo("App password");
        assertThat(bluesky.isOauth()).isFalse();
    }

    @Test
    void anExpiryNowOrInThePastIsExpired() throws Exception {
        AccountRow row = rows("""
                [{"network":"LINKEDIN","account":"2414183","method":"oauth2","expiresAt":"2026-12-02T17:00:00Z",
                  "needsReconnect":false,"reconnectReason":"left over"}]""").get(0);

        assertThat(row.getState()).isEqualTo("Expired");
        assertThat(row.getStateClass()).isEqualTo("govuk-tag--orange");
        assertThat(row.getReason()).as("a reason only while it needs reconnecting").isNull();
        assertThat(row.getExpiry()).isEqualTo("2 December 2026 at 5:00pm");
    }

    @Test
    void rowsComeByNetworkThenAccountWithIdsSafeForHtml() throws Exception {
        List<AccountRow> rows = rows("""
                [{"network":"X","account":"b"},{"network":"BLUESKY","account":"a.bsky.social"},
                 {"network":"X","account":"a"}]""");

        assertThat(rows).extracting(AccountRow::getId)
                .containsExactly("account-bluesky-a-bsky-social", "account-x-a", "account-x-b");
    }
}
