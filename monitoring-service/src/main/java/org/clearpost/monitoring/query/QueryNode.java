package org.clearpost.monitoring.query;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearpost.events.Network;

/**
 * A parsed tracked query: an immutable tree, built once by {@link QueryParser} and evaluated against every mention.
 * {@link #toString()} gives the canonical text (explicit operators, folded words), which parses to an equal tree.
 */
public sealed interface QueryNode {

    /** A word or a phrase: what NEAR can join. */
    sealed interface TextSpan extends QueryNode {
        /** The folded words, in order. */
        List<String> words();

        /** The words as written in the query (lower case, accents kept): what a network matching accents needs. */
        List<String> spellings();
    }

    record Term(String word, String spelling) implements TextSpan {

        @Override
        public List<String> words() {
            return List.of(word);
        }

        @Override
        public List<String> spellings() {
            return List.of(spelling);
        }

        @Override
        public String toString() {
            return word;
        }
    }

    record Phrase(List<String> words, List<String> spellings) implements TextSpan {
        public Phrase {
            words = List.copyOf(words);
            spellings = List.copyOf(spellings);
        }

        @Override
        public String toString() {
            return '"' + String.join(" ", words) + '"';
        }
    }

    /**
     * A word or phrase of {@code left} and one of {@code right} occur with at most {@code distance} other words
     * between them, in either order, not overlapping. Each side is one span or alternatives ({@code (a OR "b c")}).
     */
    record Near(List<TextSpan> left, List<TextSpan> right, int distance) implements QueryNode {
        public Near {
            left = List.copyOf(left);
            right = List.copyOf(right);
        }

        public Near(TextSpan left, TextSpan right, int distance) {
            this(List.of(left), List.of(right), distance);
        }

        @Override
        public String toString() {
            return side(left) + " NEAR/" + distance + " " + side(right);
        }

        private static String side(List<TextSpan> spans) {
            return spans.size() == 1 ? spans.get(0).toString()
                    : "(" + spans.stream().map(QueryNode::toString).collect(Collectors.joining(" OR ")) + ")";
        }
    }

    record And(List<QueryNode> children) implements QueryNode {
        public And {
            children = flatten(children, And.class);
        }

        @Override
        public String toString() {
            return children.stream().map(c -> c instanceof Or ? "(" + c + ")" : c.toString())
                    .collect(Collectors.joining(" AND "));
        }
    }

    record Or(List<QueryNode> children) implements QueryNode {
        public Or {
            children = flatten(children, Or.class);
        }

        @Override
        public String toString() {
            return children.stream().map(QueryNode::toString).collect(Collectors.joining(" OR "));
        }
    }

    record Not(QueryNode child) implements QueryNode {

        @Override
        public String toString() {
            return "NOT " + (child instanceof And || child instanceof Or || child instanceof Near ? "(" + child + ")"
                    : child.toString());
        }
    }

    /** {@code author:handle}: the author's handle, compared folded and without a leading '@'. */
    record Author(String handle) implements QueryNode {

        @Override
        public String toString() {
            return "author:" + handle;
        }
    }

    /** {@code network:x|bluesky}: the mention came from one of these networks. */
    record OnNetwork(Set<Network> networks) implements QueryNode {
        public OnNetwork {
            networks = Set.copyOf(EnumSet.copyOf(networks));
        }

        @Override
        public String toString() {
            return "network:" + EnumSet.copyOf(networks).stream().map(n -> n.name().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.joining("|"));
        }
    }

    /** {@code lang:en}: the network's language tag is this one or a sub-tag of it ({@code en} matches {@code en-GB}). */
    record Lang(String tag) implements QueryNode {

        @Override
        public String toString() {
            return "lang:" + tag;
        }
    }

    /** {@code #tag}: marked as a hashtag by the network, or written as one in the text. */
    record Hashtag(String tag, String spelling) implements QueryNode {

        @Override
        public String toString() {
            return "#" + tag;
        }
    }

    /**
     * {@code @handle}: the mention names this account (as the network marks mentions, as written in the text, or as
     * the body's account it was addressed to). A handle without an instance also matches a fediverse handle
     * {@code handle@instance}.
     */
    record Mention(String handle, String spelling) implements QueryNode {

        @Override
        public String toString() {
            return "@" + handle;
        }
    }

    private static List<QueryNode> flatten(List<QueryNode> children, Class<? extends QueryNode> kind) {
        List<QueryNode> flat = new ArrayList<>();
        for (QueryNode child : children) {
            if (kind.isInstance(child)) {
                flat.addAll(child instanceof And and ? and.children() : ((Or) child).children());
            } else {
                flat.add(child);
            }
        }
        if (flat.size() < 2) {
            throw new IllegalArgumentException(kind.getSimpleName() + " needs two or more children");
        }
        return List.copyOf(flat);
    }
}
