package org.clearpost.console.admin;

import org.clearpost.console.web.LondonTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One connected account as the accounts table shows it, from the publisher's {@code AccountView} (never a token):
 * its state in words and as a GOV.UK tag, and when its token expires.
 */
public record AccountRow(String network, String account, String connectedBy, Instant connectedAt, String method,
        Instant expiresAt, boolean needsReconnect, String reconnectReason, Instant now) {

    /** Every account the publisher listed, by network then account. */
    public static List<AccountRow> of(JsonNode accounts, Instant now) {
        List<AccountRow> rows = new ArrayList<>();
        for (JsonNode a : accounts) {
            rows.add(new AccountRow(a.path("network").asText(), a.path("account").asText(),
                    a.path("connectedBy").asText(null), LondonTime.instant(a.path("connectedAt").asText(null)),
                    a.path("method").asText(null), LondonTime.instant(a.path("expiresAt").asText(null)),
                    a.path("needsReconnect").asBoolean(false), a.path("reconnectReason").asText(null), now));
        }
        rows.sort(Comparator.comparing(AccountRow::network).thenComparing(AccountRow::account));
        return List.copyOf(rows);
    }

    public String getNetworkName() {
        return Networks.shownAs(network);
    }

    /** What the admin must know first: it needs connecting again, its token has run out, or it is connected. */
    public String getState() {
        if (needsReconnect) {
            return "Needs reconnecting";
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return "Expired";
        }
        return "Connected";
    }

    /** The GOV.UK tag colour for {@link #getState()}. */
    public String getStateClass() {
        return switch (getState()) {
            case "Needs reconnecting" -> "govuk-tag--red";
            case "Expired" -> "govuk-tag--orange";
            default -> "govuk-tag--green";
        };
    }

    /** Why the network refused the token, in its own words, while it needs reconnecting. */
    public String getReason() {
        return needsReconnect ? reconnectReason : null;
    }

    public String getExpiry() {
        return expiresAt == null ? "Does not expire" : LondonTime.shown(expiresAt);
    }

    public String getConnected() {
        String when = LondonTime.shown(connectedAt);
        return connectedBy == null ? when : when == null ? "by " + connectedBy : when + " by " + connectedBy;
    }

    public String getMethodName() {
        if (method == null) {
            return "";
        }
        return switch (method) {
            case "oauth2" -> "OAuth 2.0";
            case "oauth1" -> "OAuth 1.0a";
            case "token" -> Networks.byKey(network).filter(n -> !n.isOauth()).isPresent() ? "App password"
                    : "Access token";
            default -> method;
        };
    }

    /** Reconnected through the network's own consent page, like connecting it the first time. */
    public boolean isOauth() {
        return Networks.byKey(network).map(Networks::isOauth).orElse(false);
    }

    /** An id for the row and its buttons: {@code account-x-clearpost_demo}. */
    public String getId() {
        return "account-" + network.toLowerCase(java.util.Locale.ROOT) + "-"
                + account.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
