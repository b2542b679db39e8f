package org.clearpost.clearance.impartiality;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.Target;

/**
 * Flags what could look like an endorsement (policy 3.1-3.3) and, during a pre-election period, names of parties and
 * candidates (3.4), across everything the post will say: base text, each target's rendered text, thread parts, title
 * and first comment.
 */
public final class ImpartialityCheck {

    private final PolicyTerms terms;
    private final TermMatcher parties;
    private final TermMatcher politicians;
    private final TermMatcher products;
    private final TermMatcher partiesAndCandidates;

    public ImpartialityCheck(PolicyTerms terms) {
        this.terms = terms;
        this.parties = new TermMatcher(terms.parties());
        this.politicians = new TermMatcher(terms.politicians());
        this.products = new TermMatcher(terms.products());
        this.partiesAndCandidates = new TermMatcher(
                Stream.concat(terms.parties().stream(), terms.candidates().stream()).toList());
    }

    public List<Flag> flags(PostDrafted drafted, boolean preElection) {
        List<String> texts = texts(drafted);
        List<Flag> flags = new ArrayList<>();
        flag(flags, "party", "3.1", parties.matches(texts),
                "Names a political party: make sure nothing reads as a political endorsement");
        flag(flags, "politician", "3.1", politicians.matches(texts),
                "Names a politician: make sure nothing reads as a political endorsement");
        flag(flags, "commercial-product", "3.3", products.matches(texts),
                "Names a commercial product or service: make sure nothing reads as an endorsement");
        if (terms.isPartyPolitical(drafted.repostOf())) {
            flag(flags, "party-political-repost", "3.2", List.of(drafted.repostOf().author()),
                    "Reposts a party-political account: a repost must not read as endorsing the party");
        }
        if (preElection) {
            flag(flags, "pre-election-names", "3.4", partiesAndCandidates.matches(texts),
                    "Names parties or candidates during a pre-election period");
        }
        return flags;
    }

    private static void flag(List<Flag> flags, String kind, String clause, List<String> matched, String message) {
        if (!matched.isEmpty()) {
            flags.add(new Flag(kind, clause, matched, message));
        }
    }

    private static List<String> texts(PostDrafted drafted) {
        List<String> texts = new ArrayList<>();
        texts.add(drafted.text());
        for (Target target : drafted.targets()) {
            texts.add(target.text());
            texts.addAll(target.threadParts());
            texts.add(target.title());
            texts.add(target.firstComment());
        }
        return texts;
    }
}
