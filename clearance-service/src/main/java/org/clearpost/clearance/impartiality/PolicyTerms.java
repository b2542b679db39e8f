package org.clearpost.clearance.impartiality;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearpost.events.ExternalPost;

/** The body's term lists and party-political accounts, as the checks use them. */
public record PolicyTerms(List<String> parties, List<String> politicians, List<String> products,
        List<String> candidates, Map<String, Set<String>> partyPoliticalAccounts) {

    public PolicyTerms {
        parties = List.copyOf(parties);
        politicians = List.copyOf(politicians);
        products = List.copyOf(products);
        candidates = List.copyOf(candidates);
        partyPoliticalAccounts = partyPoliticalAccounts.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().toLowerCase(Locale.ROOT),
                e -> e.getValue().stream().map(PolicyTerms::handle).collect(Collectors.toUnmodifiableSet())));
    }

    /** Whether {@code post} was written by a party-political account on its network. */
    public boolean isPartyPolitical(ExternalPost post) {
        if (post == null || post.author() == null || post.network() == null) {
            return false;
        }
        return partyPoliticalAccounts.getOrDefault(post.network().name().toLowerCase(Locale.ROOT), Set.of())
                .contains(handle(post.author()));
    }

    /** Handles compare without a leading {@code @} and ignoring case, as networks treat them. */
    private static String handle(String handle) {
        String stripped = handle.strip();
        return (stripped.startsWith("@") ? stripped.substring(1) : stripped).toLowerCase(Locale.ROOT);
    }
}
