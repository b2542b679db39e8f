package org.clearpost.monitoring.query;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every word the queries of one snapshot use, numbered, in an open-addressing table that can be probed with a slice of
 * the mention's folded text: tokenising a mention then allocates no string per word and looks each word up once, and
 * a query word's test is an array read.
 */
final class Vocabulary {

    static final Vocabulary EMPTY = new Vocabulary(Set.of());

    private final String[] keys;
    private final int[] ids;
    private final int mask;
    private final int size;

    private Vocabulary(Set<String> words) {
        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 3)) << 1;
        keys = new String[capacity];
        ids = new int[capacity];
        mask = capacity - 1;
        int next = 0;
        for (String word : words) {
            int slot = spread(word.hashCode()) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = word;
            ids[slot] = next++;
        }
        size = next;
    }

    static Vocabulary of(List<QueryNode> trees) {
        Set<String> words = new LinkedHashSet<>();
        trees.forEach(tree -> collect(tree, words));
        return new Vocabulary(words);
    }

    private static void collect(QueryNode node, Set<String> words) {
        if (node instanceof QueryNode.TextSpan span) {
            words.addAll(span.words());
        } else if (node instanceof QueryNode.Near near) {
            near.left().forEach(span -> words.addAll(span.words()));
            near.right().forEach(span -> words.addAll(span.words()));
        } else if (node instanceof QueryNode.And and) {
            and.children().forEach(child -> collect(child, words));
        } else if (node instanceof QueryNode.Or or) {
            or.children().forEach(child -> collect(child, words));
        } else if (node instanceof QueryNode.Not not) {
            collect(not.child(), words);
        }
    }

    int size() {
        return size;
    }

    /** The word's number, or -1. */
    int id(String word) {
        return id(word, 0, word.length(), word.hashCode());
    }

    /** The number of the word {@code text[from, to)} whose {@link String#hashCode()} is {@code hash}, or -1. */
    int id(String text, int from, int to, int hash) {
        int length = to - from;
        for (int slot = spread(hash) & mask;; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (key == null) {
                return -1;
            }
            if (key.length() == length && key.regionMatches(0, text, from, length)) {
                return ids[slot];
            }
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
