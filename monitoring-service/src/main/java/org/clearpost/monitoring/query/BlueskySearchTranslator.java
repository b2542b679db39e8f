package org.clearpost.monitoring.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearpost.events.Network;

/**
 * A tracked query as the parameters of Bluesky's {@code app.bsky.feed.searchPosts}. The lexicon leaves {@code q}'s
 * syntax open ("Lucene query syntax is recommended"); this writes what the reference search service (indigo's
 * palomar: OpenSearch {@code simple_query_string}, flags AND|NOT|OR|PHRASE|PRECEDENCE|WHITESPACE, default AND)
 * reads: words, "phrases", {@code |} for OR, {@code -} before a word or phrase for NOT, parentheses.
 * <ul>
 * <li>{@code author:}, {@code lang:}, {@code #tag} and {@code @handle} that must hold for the whole query become the
 * {@code author}, {@code lang}, {@code tag} (several: all must be present) and {@code mentions} parameters; the
 * parameters hold one author, language and mention each.</li>
 * <li>Elsewhere (under OR or NOT) a hashtag becomes its word (broader) and the others are left out (broader), with a
 * warning; a negated hashtag is left out.</li>
 * <li>NEAR/n becomes both sides anywhere (broader).</li>
 * <li>A handle that cannot be a Bluesky handle (a domain name, or a DID) never matches on Bluesky.</li>
 * </ul>
 */
public final class BlueskySearchTranslator {

    private BlueskySearchTranslator() {
    }

    public static Translation translate(QueryNode query) {
        List<String> warnings = new ArrayList<>();
        NormalForm form = NormalForm.of(query, Network.BLUESKY);
        Set<String> said = new LinkedHashSet<>();
        form = NormalForm.rewrite(form, literal -> possible(literal, said));
        if (form instanceof NormalForm.Const constant) {
            warnings.addAll(said);
            return constant.value()
                    ? Translation.notTranslatable("the query matches every post on Bluesky", warnings)
                    : Translation.notOnNetwork("the query can never match a post on Bluesky", warnings);
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        List<NormalForm> rest = new ArrayList<>();
        List<NormalForm> conjuncts = form instanceof NormalForm.All all ? all.children() : List.of(form);
        for (NormalForm conjunct : conjuncts) {
            if (!(conjunct instanceof NormalForm.Literal literal) || literal.negated() || !parameter(literal.atom(),
                    parameters)) {
                rest.add(conjunct);
            }
        }
        NormalForm remaining = NormalForm.rewrite(NormalForm.simplify(rest.isEmpty() ? NormalForm.TRUE
                : rest.size() == 1 ? rest.get(0) : new NormalForm.All(rest)), literal -> nested(literal, said));
        warnings.addAll(said);
        String q;
        if (remaining instanceof NormalForm.Const constant) {
            if (parameters.isEmpty()) {
                return Translation.notTranslatable("nothing of the query that Bluesky can search for is left",
                        warnings);
            }
            q = "*";
        } else {
            q = render(remaining, false);
        }
        return Translation.translated(q, parameters, warnings);
    }

    private static NormalForm possible(NormalForm.Literal literal, Set<String> warnings) {
        QueryNode atom = literal.atom();
        if (atom instanceof QueryNode.Author author && !blueskyHandle(author.handle())) {
            warnings.add("author:" + author.handle() + " cannot be a Bluesky handle, so it never matches on Bluesky");
            return new NormalForm.Const(literal.negated());
        }
        if (atom instanceof QueryNode.Mention mention && !blueskyHandle(mention.handle())) {
            warnings.add("@" + mention.handle() + " cannot be a Bluesky handle, so it never matches on Bluesky");
            return new NormalForm.Const(literal.negated());
        }
        return literal;
    }

    private static boolean blueskyHandle(String handle) {
        return handle.startsWith("did:") || (handle.indexOf('.') > 0 && handle.indexOf('@') < 0);
    }

    /** Takes a condition of the whole query into a request parameter, if there is room for it. */
    private static boolean parameter(QueryNode atom, Map<String, List<String>> parameters) {
        if (atom instanceof QueryNode.Author author) {
            return single(parameters, "author", author.handle());
        }
        if (atom instanceof QueryNode.Lang lang) {
            return single(parameters, "lang", lang.tag());
        }
        if (atom instanceof QueryNode.Mention mention) {
            return single(parameters, "mentions", mention.handle());
        }
        if (atom instanceof QueryNode.Hashtag hashtag) {
            parameters.computeIfAbsent("tag", k -> new ArrayList<>()).add(hashtag.spelling());
            return true;
        }
        return false;
    }

    private static boolean single(Map<String, List<String>> parameters, String name, String value) {
        if (parameters.containsKey(name)) {
            return false;
        }
        parameters.put(name, List.of(value));
        return true;
    }

    /** A condition that stays in {@code q}: words and phrases as they are, the rest as broadly as need be. */
    private static NormalForm nested(NormalForm.Literal literal, Set<String> warnings) {
        QueryNode atom = literal.atom();
        if (atom instanceof QueryNode.TextSpan) {
            return literal;
        }
        if (atom instanceof QueryNode.Near near) {
            if (literal.negated()) {
                warnings.add("NOT (" + near + ") is left out on Bluesky: the local matcher applies it");
                return NormalForm.TRUE;
            }
            warnings.add(near + " becomes both sides anywhere in the post on Bluesky: broader");
            return literal;
        }
        if (atom instanceof QueryNode.Hashtag hashtag && !literal.negated()) {
            warnings.add("#" + hashtag.tag() + " is searched on Bluesky as the word " + hashtag.spelling()
                    + " (a tag parameter must hold for the whole query): broader");
            return literal;
        }
        warnings.add((literal.negated() ? "NOT " : "") + atom + " is left out on Bluesky (searchPosts takes it only "
                + "as a parameter for the whole query): broader");
        return NormalForm.TRUE;
    }

    private static String render(NormalForm form, boolean nested) {
        if (form instanceof NormalForm.All all) {
            String joined = all.children().stream().map(c -> render(c, true)).collect(Collectors.joining(" "));
            return nested ? "(" + joined + ")" : joined;
        }
        if (form instanceof NormalForm.Any any) {
            String joined = any.children().stream().map(c -> render(c, true)).collect(Collectors.joining(" | "));
            return nested ? "(" + joined + ")" : joined;
        }
        NormalForm.Literal literal = (NormalForm.Literal) form;
        QueryNode atom = literal.atom();
        List<String> forms;
        if (atom instanceof QueryNode.Near near) {
            forms = List.of(group(near.left().stream().flatMap(l -> spellings(l).stream()).toList()) + " "
                    + group(near.right().stream().flatMap(r -> spellings(r).stream()).toList()));
            return nested ? "(" + forms.get(0) + ")" : forms.get(0);
        } else if (atom instanceof QueryNode.Hashtag hashtag) {
            forms = List.of(hashtag.spelling());
        } else {
            forms = spellings((QueryNode.TextSpan) atom);
        }
        if (literal.negated()) {
            String negations = forms.stream().map(f -> "-" + f).collect(Collectors.joining(" "));
            return forms.size() > 1 && nested ? "(" + negations + ")" : negations;
        }
        return group(forms);
    }

    private static List<String> spellings(QueryNode.TextSpan span) {
        String folded = quoted(span.words());
        String written = quoted(span.spellings());
        return written.equals(folded) ? List.of(folded) : List.of(written, folded);
    }

    private static String quoted(List<String> words) {
        return words.size() == 1 ? words.get(0) : '"' + String.join(" ", words) + '"';
    }

    private static String group(List<String> alternatives) {
        return alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" | ", alternatives) + ")";
    }
}
