package org.clearpost.monitoring.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clearpost.events.Network;

/**
 * A tracked query as an X filtered-stream rule (POST /2/tweets/search/stream/rules): words, "phrases", OR, '-'
 * negation of single operators (X refuses negated groups, so negation is pushed down first), parentheses,
 * {@code from:}, {@code lang:}, {@code #}, {@code @}. AND binds tighter than OR on X as here, but every OR group inside
 * an AND is parenthesised anyway.
 * <ul>
 * <li>NEAR/n has no operator on pay-per-use X: both sides must occur (broader); a negated NEAR is left out.</li>
 * <li>X matches accents exactly: a word written with accents becomes {@code (café OR cafe)}. A word written without
 * them still misses posts that spell it with accents; the local matcher would have taken those.</li>
 * <li>{@code lang:en-GB} becomes {@code lang:en} (X tags languages by their primary code).</li>
 * <li>A handle that cannot be an X handle (1-15 letters, digits, '_') makes its condition false on X.</li>
 * <li>Each alternative of the rule needs a condition that must be present (X refuses rules of only negations or
 * only {@code lang:}); a rule over {@value #MAX_LENGTH} characters (pay-per-use) is refused.</li>
 * </ul>
 */
public final class XRuleTranslator {

    public static final int MAX_LENGTH = 1024;
    private static final Pattern X_HANDLE = Pattern.compile("[a-z0-9_]{1,15}");

    private XRuleTranslator() {
    }

    public static Translation translate(QueryNode query) {
        List<String> warnings = new ArrayList<>();
        NormalForm form = NormalForm.of(query, Network.X);
        if (form instanceof NormalForm.Const constant) {
            return constant.value()
                    ? Translation.notTranslatable("the query matches every post on X (network: only)", warnings)
                    : Translation.notOnNetwork("the query's network: excludes X", warnings);
        }
        Set<String> said = new LinkedHashSet<>();
        form = NormalForm.rewrite(form, literal -> adapt(literal, said));
        warnings.addAll(said);
        if (form instanceof NormalForm.Const constant) {
            return constant.value()
                    ? Translation.notTranslatable("nothing of the query that X can filter on is left", warnings)
                    : Translation.notOnNetwork("the query can never match a post on X", warnings);
        }
        if (!required(form)) {
            return Translation.notTranslatable("X needs, in every OR alternative, a word, \"phrase\", #hashtag, "
                    + "@mention or author: that must be present (not only negations or lang:)", warnings);
        }
        String rule = render(form, Parent.ROOT);
        if (rule.length() > MAX_LENGTH) {
            return Translation.notTranslatable("the X rule would be " + rule.length() + " characters, over X's limit of "
                    + MAX_LENGTH, warnings);
        }
        return Translation.translated(rule, Map.of(), warnings);
    }

    private static NormalForm adapt(NormalForm.Literal literal, Set<String> warnings) {
        QueryNode atom = literal.atom();
        boolean negated = literal.negated();
        if (atom instanceof QueryNode.Near near) {
            if (negated) {
                warnings.add("NOT (" + near + ") is left out on X (X has no NEAR): the local matcher applies it");
                return NormalForm.TRUE;
            }
            warnings.add(near + " becomes both words anywhere in the post on X (X has no NEAR): broader, "
                    + "the local matcher narrows it");
            return literal;
        }
        if (atom instanceof QueryNode.Author author && !X_HANDLE.matcher(author.handle()).matches()) {
            warnings.add("author:" + author.handle() + " cannot be an X handle, so it never matches on X");
            return new NormalForm.Const(negated);
        }
        if (atom instanceof QueryNode.Mention mention && !X_HANDLE.matcher(mention.handle()).matches()) {
            warnings.add("@" + mention.handle() + " cannot be an X handle, so it never matches on X");
            return new NormalForm.Const(negated);
        }
        if (atom instanceof QueryNode.Lang lang && lang.tag().contains("-")) {
            if (negated) {
                warnings.add("NOT lang:" + lang.tag() + " is left out on X (X knows only primary language codes)");
                return NormalForm.TRUE;
            }
            warnings.add("lang:" + lang.tag() + " becomes lang:" + primary(lang.tag()) + " on X: broader");
        }
        if (atom instanceof QueryNode.TextSpan span && !span.spellings().equals(span.words())) {
            warnings.add(span + " is matched on X both as written and without accents (X matches accents exactly)");
        }
        return literal;
    }

    /** Whether every alternative has a condition that must be present ("standalone" operators on X). */
    private static boolean required(NormalForm form) {
        if (form instanceof NormalForm.Literal literal) {
            return !literal.negated() && !(literal.atom() instanceof QueryNode.Lang);
        }
        if (form instanceof NormalForm.All all) {
            return all.children().stream().anyMatch(XRuleTranslator::required);
        }
        if (form instanceof NormalForm.Any any) {
            return any.children().stream().allMatch(XRuleTranslator::required);
        }
        return false;
    }

    private enum Parent { ROOT, ALL, ANY }

    private static String render(NormalForm form, Parent parent) {
        if (form instanceof NormalForm.All all) {
            return all.children().stream().map(c -> render(c, Parent.ALL)).collect(Collectors.joining(" "));
        }
        if (form instanceof NormalForm.Any any) {
            String joined = any.children().stream().map(c -> render(c, Parent.ANY))
                    .collect(Collectors.joining(" OR "));
            return parent == Parent.ALL ? "(" + joined + ")" : joined;
        }
        NormalForm.Literal literal = (NormalForm.Literal) form;
        List<String> forms = operator(literal.atom());
        if (literal.negated()) {
            String negations = forms.stream().map(f -> "-" + f).collect(Collectors.joining(" "));
            return forms.size() > 1 && parent == Parent.ANY ? "(" + negations + ")" : negations;
        }
        if (forms.size() == 1) {
            return parent == Parent.ANY && literal.atom() instanceof QueryNode.Near ? "(" + forms.get(0) + ")"
                    : forms.get(0);
        }
        String alternatives = String.join(" OR ", forms);
        return parent == Parent.ALL ? "(" + alternatives + ")" : alternatives;
    }

    /** The X operator(s) for one condition; several are alternatives (OR), except for NEAR (handled here). */
    private static List<String> operator(QueryNode atom) {
        if (atom instanceof QueryNode.TextSpan span) {
            return spellings(span);
        }
        if (atom instanceof QueryNode.Near near) {
            String left = group(near.left().stream().flatMap(l -> spellings(l).stream()).toList());
            String right = group(near.right().stream().flatMap(r -> spellings(r).stream()).toList());
            return List.of(left + " " + right);
        }
        if (atom instanceof QueryNode.Author author) {
            return List.of("from:" + author.handle());
        }
        if (atom instanceof QueryNode.Mention mention) {
            return List.of("@" + mention.handle());
        }
        if (atom instanceof QueryNode.Lang lang) {
            return List.of("lang:" + primary(lang.tag()));
        }
        if (atom instanceof QueryNode.Hashtag hashtag) {
            return hashtag.spelling().equals(hashtag.tag()) ? List.of("#" + hashtag.tag())
                    : List.of("#" + hashtag.spelling(), "#" + hashtag.tag());
        }
        throw new IllegalArgumentException("not a condition: " + atom);
    }

    private static List<String> spellings(QueryNode.TextSpan span) {
        String folded = quoted(span.words());
        String written = quoted(span.spellings());
        return written.equals(folded) ? List.of(folded) : List.of(written, folded);
    }

    private static String quoted(List<String> words) {
        // A lone word that X would read as an operator (OR) or a number-only word is safest quoted too.
        return words.size() == 1 && !words.get(0).equals("or") ? words.get(0) : '"' + String.join(" ", words) + '"';
    }

    private static String group(List<String> alternatives) {
        return alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" OR ", alternatives) + ")";
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }
}
