package org.clearpost.monitoring.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.clearpost.events.Network;

/**
 * A query as seen from one network, for translation into that network's own syntax: {@code network:} decided,
 * negation pushed down to single conditions (De Morgan), constants folded. X refuses negated groups, so every
 * translation starts here.
 */
sealed interface NormalForm {

    record Const(boolean value) implements NormalForm {
    }

    /** One condition (a word, phrase, NEAR, author, lang, hashtag or mention), negated or not. */
    record Literal(QueryNode atom, boolean negated) implements NormalForm {
    }

    record All(List<NormalForm> children) implements NormalForm {
    }

    record Any(List<NormalForm> children) implements NormalForm {
    }

    NormalForm TRUE = new Const(true);
    NormalForm FALSE = new Const(false);

    static NormalForm of(QueryNode node, Network network) {
        return simplify(convert(node, false, network));
    }

    private static NormalForm convert(QueryNode node, boolean negated, Network network) {
        if (node instanceof QueryNode.OnNetwork on) {
            return new Const(on.networks().contains(network) != negated);
        }
        if (node instanceof QueryNode.Not not) {
            return convert(not.child(), !negated, network);
        }
        if (node instanceof QueryNode.And and) {
            List<NormalForm> children = and.children().stream().map(c -> convert(c, negated, network)).toList();
            return negated ? new Any(children) : new All(children);
        }
        if (node instanceof QueryNode.Or or) {
            List<NormalForm> children = or.children().stream().map(c -> convert(c, negated, network)).toList();
            return negated ? new All(children) : new Any(children);
        }
        return new Literal(node, negated);
    }

    /** Replaces each literal by what {@code rewrite} makes of it, then folds the constants again. */
    static NormalForm rewrite(NormalForm form, Function<Literal, NormalForm> rewrite) {
        if (form instanceof Literal literal) {
            return rewrite.apply(literal);
        }
        if (form instanceof All all) {
            return simplify(new All(all.children().stream().map(c -> rewrite(c, rewrite)).toList()));
        }
        if (form instanceof Any any) {
            return simplify(new Any(any.children().stream().map(c -> rewrite(c, rewrite)).toList()));
        }
        return form;
    }

    static NormalForm simplify(NormalForm form) {
        boolean all = form instanceof All;
        if (!all && !(form instanceof Any)) {
            return form;
        }
        List<NormalForm> children = all ? ((All) form).children() : ((Any) form).children();
        List<NormalForm> kept = new ArrayList<>();
        for (NormalForm child : children) {
            NormalForm simple = simplify(child);
            if (simple instanceof Const constant) {
                if (constant.value() != all) {
                    return constant; // FALSE in an All, TRUE in an Any decides it
                }
                continue; // TRUE in an All, FALSE in an Any says nothing
            }
            if (all && simple instanceof All inner) {
                kept.addAll(inner.children());
            } else if (!all && simple instanceof Any inner) {
                kept.addAll(inner.children());
            } else {
                kept.add(simple);
            }
        }
        if (kept.isEmpty()) {
            return new Const(all);
        }
        if (kept.size() == 1) {
            return kept.get(0);
        }
        return all ? new All(List.copyOf(kept)) : new Any(List.copyOf(kept));
    }
}
