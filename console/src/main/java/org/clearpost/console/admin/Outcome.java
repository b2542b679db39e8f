package org.clearpost.console.admin;

import java.util.List;

/**
 * The success banner after a connect or disconnect (Post/Redirect/Get carries it as {@code ?connected=X:handle}).
 * Shown only when the list agrees (the account is there, or is gone), so a crafted link cannot announce what did
 * not happen.
 */
public record Outcome(String heading, String message) {

    static String key(String network, String account) {
        return network + ":" + account;
    }

    static Outcome of(String connected, String disconnected, List<AccountRow> rows) {
        if (connected != null) {
            AccountRow row = find(connected, rows);
            if (row != null) {
                return new Outcome("Account connected", row.getNetworkName() + " account " + row.account()
                        + " is connected");
            }
        }
        if (disconnected != null && disconnected.contains(":") && find(disconnected, rows) == null) {
            String[] parts = disconnected.split(":", 2);
            return new Outcome("Account disconnected", Networks.shownAs(parts[0]) + " account " + parts[1]
                    + " is disconnected: nothing more is published to it until it is connected again");
        }
        return null;
    }

    private static AccountRow find(String key, List<AccountRow> rows) {
        return rows.stream().filter(r -> key(r.network(), r.account()).equals(key)).findFirst().orElse(null);
    }
}
