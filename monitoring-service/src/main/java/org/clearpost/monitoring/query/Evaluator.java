package org.clearpost.monitoring.query;

import java.util.List;

/**
 * A query tree compiled against one snapshot's {@link Vocabulary}: each word resolved to its number once, so
 * evaluating a mention reads arrays instead of looking words up.
 */
@FunctionalInterface
interface Evaluator {

    Evaluator NEVER = text -> false;

    boolean test(MentionText text);

    static Evaluator compile(QueryNode node, Vocabulary vocabulary) {
        if (node instanceof QueryNode.Term term) {
            int id = vocabulary.id(term.word());
            return id < 0 ? NEVER : text -> text.first[id] >= 0;
        }
        if (node instanceof QueryNode.Phrase phrase) {
            int[] ids = ids(phrase, vocabulary);
            return ids == null ? NEVER : text -> occurs(text, ids);
        }
        if (node instanceof QueryNode.Near near) {
            int[][] left = sides(near.left(), vocabulary);
            int[][] right = sides(near.right(), vocabulary);
            int distance = near.distance();
            return text -> near(text, left, right, distance);
        }
        if (node instanceof QueryNode.And and) {
            Evaluator[] children = compile(and.children(), vocabulary);
            return text -> {
                for (Evaluator child : children) {
                    if (!child.test(text)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (node instanceof QueryNode.Or or) {
            Evaluator[] children = compile(or.children(), vocabulary);
            return text -> {
                for (Evaluator child : children) {
                    if (child.test(text)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (node instanceof QueryNode.Not not) {
            Evaluator child = compile(not.child(), vocabulary);
            return text -> !child.test(text);
        }
        if (node instanceof QueryNode.Author author) {
            String handle = author.handle();
            return text -> handle.equals(text.author);
        }
        if (node instanceof QueryNode.OnNetwork on) {
            var networks = java.util.EnumSet.copyOf(on.networks());
            return text -> networks.contains(text.network);
        }
        if (node instanceof QueryNode.Lang lang) {
            String tag = lang.tag();
            return text -> text.lang != null && text.lang.startsWith(tag)
                    && (text.lang.length() == tag.length() || text.lang.charAt(tag.length()) == '-');
        }
        if (node instanceof QueryNode.Hashtag hashtag) {
            String tag = hashtag.tag();
            return text -> text.hashtags.contains(tag);
        }
        if (node instanceof QueryNode.Mention mention) {
            String handle = mention.handle();
            boolean local = handle.indexOf('@') < 0;
            return text -> {
                if (text.handles.contains(handle)) {
                    return true;
                }
                if (local) {
                    for (String named : text.handles) {
                        if (named.length() > handle.length() && named.startsWith(handle)
                                && named.charAt(handle.length()) == '@') {
                            return true;
                        }
                    }
                }
                return false;
            };
        }
        throw new IllegalArgumentException("unknown query node " + node);
    }

    private static Evaluator[] compile(List<QueryNode> nodes, Vocabulary vocabulary) {
        return nodes.stream().map(n -> compile(n, vocabulary)).toArray(Evaluator[]::new);
    }

    /** The numbers of a span's words, or null if one of them is not in the vocabulary (it cannot occur then). */
    private static int[] ids(QueryNode.TextSpan span, Vocabulary vocabulary) {
        List<String> words = span.words();
        int[] ids = new int[words.size()];
        for (int k = 0; k < ids.length; k++) {
            ids[k] = vocabulary.id(words.get(k));
            if (ids[k] < 0) {
                return null;
            }
        }
        return ids;
    }

    private static int[][] sides(List<QueryNode.TextSpan> spans, Vocabulary vocabulary) {
        return spans.stream().map(s -> ids(s, vocabulary)).filter(java.util.Objects::nonNull).toArray(int[][]::new);
    }

    private static boolean occurs(MentionText text, int[] ids) {
        for (int at = text.first[ids[0]]; at >= 0; at = text.nextSame[at]) {
            if (text.phraseAt(ids, at)) {
                return true;
            }
        }
        return false;
    }

    private static boolean near(MentionText text, int[][] left, int[][] right, int distance) {
        for (int[] l : left) {
            for (int[] r : right) {
                for (int a = text.first[l[0]]; a >= 0; a = text.nextSame[a]) {
                    if (!text.phraseAt(l, a)) {
                        continue;
                    }
                    for (int b = text.first[r[0]]; b >= 0; b = text.nextSame[b]) {
                        if (!text.phraseAt(r, b)) {
                            continue;
                        }
                        int gap = b >= a ? b - (a + l.length) : a - (b + r.length);
                        if (gap >= 0 && gap <= distance) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
