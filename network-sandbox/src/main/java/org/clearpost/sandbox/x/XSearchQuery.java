package org.clearpost.sandbox.x;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sandbox's reading of an X search query: deliberately loose. It keeps the positive terms (words, "exact
 * phrases", @handles, #hashtags) and matches a post whose text contains any of them; operators (AND, OR, NOT,
 * parentheses), negated terms ({@code -word}) and field operators ({@code lang:cy}, {@code -is:retweet}) are read
 * past. That is enough for the firehose's posts, which each carry one @handle or term, and it means a rule written
 * for X's stream also finds the same posts through search when an intake fills a gap.
 */
final class XSearchQuery {

    private static final Set<String> OPERATORS = Set.of("or", "and", "not");

    private final List<String> terms;

    private XSearchQuery(List<String> terms) {
        this.terms = terms;
    }

    static XSearchQuery parse(String query) {
        List<String> terms = new ArrayList<>();
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ')') {
                i++;
            } else if (c == '"') {
                int close = query.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                String phrase = query.substring(i + 1, end).strip();
                if (!phrase.isEmpty() && !negated(query, i)) {
                    terms.add(phrase.toLowerCase(Locale.ROOT));
                }
                i = close < 0 ? n : close + 1;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(query.charAt(i)) && query.charAt(i) != '('
                        && query.charAt(i) != ')' && query.charAt(i) != '"') {
                    i++;
                }
                String word = query.substring(start, i);
                if (!word.startsWith("-") && !word.contains(":") && !OPERATORS.contains(word.toLowerCase(Locale.ROOT))) {
                    terms.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return new XSearchQuery(List.copyOf(terms));
    }

    /** Whether the post's lower-cased text matches. */
    boolean matches(String lowerCaseText) {
        for (String term : terms) {
            if (lowerCaseText.contains(term)) {
                return true;
            }
        }
        return false;
    }

    List<String> terms() {
        return terms;
    }

    private static boolean negated(String query, int quote) {
        return quote > 0 && query.charAt(quote - 1) == '-';
    }
}
