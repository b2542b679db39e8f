package org.clearpost.drafting.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clearpost.support.problem.Problem;

/** Checks shared by campaigns and live events. */
final class Accounts {

    /** A hashtag with or without its {@code #}: letters, digits and underscores. */
    static final String HASHTAG = "#?[\\p{L}\\p{N}_]+";

    private Accounts() {
    }

    /** A violation for every account listed a second time in {@code field}. */
    static List<Problem.Violation> repeated(String field, List<AccountRequest> accounts) {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; accounts != null && i < accounts.size(); i++) {
            AccountRequest account = accounts.get(i);
            if (account != null && !seen.add(account.network() + "/" + account.account())) {
                violations.add(new Problem.Violation(field + "[" + i + "]", account.network() + " account "
                        + account.account() + " is listed twice"));
            }
        }
        return violations;
    }

    static List<Account> toAccounts(List<AccountRequest> accounts) {
        return accounts == null ? new ArrayList<>()
                : new ArrayList<>(accounts.stream().map(AccountRequest::toAccount).toList());
    }

    /** Stored without the {@code #}, so that text can add it wherever it is written. */
    static String hashtag(String hashtag) {
        if (hashtag == null || hashtag.isBlank()) {
            return null;
        }
        String tag = hashtag.strip();
        return tag.startsWith("#") ? tag.substring(1) : tag;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
