package org.clearpost.clearance.impartiality;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Finds configured terms in text as whole words, ignoring case ("Labour" matches "#labour", not "Labourer"). */
public final class TermMatcher {

    private record Term(String term, Pattern pattern) {
    }

    private final List<Term> terms;

    public TermMatcher(List<String> terms) {
        this.terms = terms.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct()
                .map(t -> new Term(t, Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(t) + "(?![\\p{L}\\p{N}_])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)))
                .toList();
    }

    /** The configured terms found in any of {@code texts}, in configuration order, each once. */
    public List<String> matches(List<String> texts) {
        List<String> found = new ArrayList<>();
        for (Term term : terms) {
            if (texts.stream().anyMatch(text -> text != null && term.pattern().matcher(text).find())) {
                found.add(term.term());
            }
        }
        return found;
    }
}
