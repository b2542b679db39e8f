package org.clearpost.monitoring.theme;

import java.util.ArrayList;
import java.util.List;
import org.clearpost.monitoring.query.TextFolding;

/**
 * Near-duplicate fingerprints of mention text: the text is folded (case, accents), links dropped (and {@code @handles}
 * unless kept), cut into words, and the set of its word 2-grams (shingles) summarised by a MinHash signature of
 * {@code hashes} values. Two signatures agree in a share of their positions that estimates the Jaccard similarity of
 * the two shingle sets. For lookup the signature is cut into {@code bands} bands of {@code hashes / bands} rows, each
 * band hashed to one key (locality-sensitive hashing): two texts of similarity s share at least one band key with
 * probability {@code 1 - (1 - s^rows)^bands}, so 20 bands of 3 find pairs at 0.5 with 0.93 and at 0.3 with 0.42.
 *
 * <p>Pure CPU and immutable: one instance serves every pipeline thread.
 */
public final class MinHash {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final int hashes;
    private final int bands;
    private final int rows;
    private final boolean keepHandles;
    private final int minWords;
    private final long[] multipliers;
    private final long[] addends;

    /** A text's signature and band keys; {@code null} signature when the text has too few words to compare. */
    public record Fingerprint(int[] signature, long[] bandKeys) {

        public boolean comparable() {
            return signature != null;
        }
    }

    public MinHash(int hashes, int bands, boolean keepHandles, int minWords) {
        if (hashes < 1 || bands < 1 || hashes % bands != 0) {
            throw new IllegalArgumentException("MinHash needs hashes (" + hashes + ") divisible by bands (" + bands + ")");
        }
        if (minWords < 1) {
            throw new IllegalArgumentException("min-words must be at least 1, was " + minWords);
        }
        this.hashes = hashes;
        this.bands = bands;
        this.rows = hashes / bands;
        this.keepHandles = keepHandles;
        this.minWords = minWords;
        this.multipliers = new long[hashes];
        this.addends = new long[hashes];
        long seed = 0x5DEECE66DL;
        for (int i = 0; i < hashes; i++) {
            seed += GOLDEN;
            multipliers[i] = mix(seed) | 1;
            seed += GOLDEN;
            addends[i] = mix(seed);
        }
    }

    public int hashes() {
        return hashes;
    }

    public int bands() {
        return bands;
    }

    /** The words a text is compared by: folded, without links (and handles unless kept). */
    public List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        // A hand-written scan rather than regular expressions: this runs for every mention the pipeline stores.
        String folded = TextFolding.fold(text);
        List<String> words = new ArrayList<>();
        int length = folded.length();
        int i = 0;
        while (i < length) {
            char c = folded.charAt(i);
            boolean boundary = i == 0 || !Character.isLetterOrDigit(folded.charAt(i - 1));
            if (boundary && (folded.startsWith("http://", i) || folded.startsWith("https://", i)
                    || folded.startsWith("www.", i))) {
                while (i < length && !Character.isWhitespace(folded.charAt(i))) {
                    i++;
                }
            } else if (c == '@' && boundary && !keepHandles) {
                i++;
                while (i < length && handleChar(folded.charAt(i))) {
                    i++;
                }
            } else if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < length && Character.isLetterOrDigit(folded.charAt(i))) {
                    i++;
                }
                words.add(folded.substring(start, i));
            } else {
                i++;
            }
        }
        return words;
    }

    private static boolean handleChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '@';
    }

    public Fingerprint fingerprint(String text) {
        List<String> words = words(text);
        if (words.size() < minWords) {
            return new Fingerprint(null, new long[0]);
        }
        long[] wordHashes = new long[words.size()];
        for (int i = 0; i < wordHashes.length; i++) {
            wordHashes[i] = fnv(words.get(i));
        }
        // One shingle per pair of neighbours; a one-word text (min-words 1) is its word.
        int shingles = Math.max(1, wordHashes.length - 1);
        long[] shingle = new long[shingles];
        if (wordHashes.length == 1) {
            shingle[0] = wordHashes[0];
        } else {
            for (int i = 0; i < shingles; i++) {
                shingle[i] = mix(wordHashes[i] * 31 + Long.rotateLeft(wordHashes[i + 1], 17));
            }
        }
        long[] min = new long[hashes];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        // The shingle hashes are already well mixed, so each of the hash functions is one multiply-add
        // (a*x + b mod 2^64, a odd: a permutation), compared on the high bits where the mixing is.
        for (long s : shingle) {
            for (int h = 0; h < hashes; h++) {
                long v = (multipliers[h] * s + addends[h]) >>> 1;
                if (v < min[h]) {
                    min[h] = v;
                }
            }
        }
        int[] signature = new int[hashes];
        for (int h = 0; h < hashes; h++) {
            signature[h] = (int) (min[h] >>> 31);
        }
        return new Fingerprint(signature, bandKeys(signature));
    }

    /** One key per band: the band's number and its rows hashed together, so equal rows in different bands differ. */
    public long[] bandKeys(int[] signature) {
        long[] keys = new long[bands];
        for (int b = 0; b < bands; b++) {
            long key = mix(b + 1L);
            for (int r = 0; r < rows; r++) {
                key = mix(key ^ (signature[b * rows + r] & 0xFFFFFFFFL));
            }
            keys[b] = key;
        }
        return keys;
    }

    /** The share of positions where the signatures agree: the estimated Jaccard similarity of their shingle sets. */
    public static double similarity(int[] a, int[] b) {
        if (a == null || b == null || a.length != b.length || a.length == 0) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }

    /** FNV-1a over the UTF-16 units: stable across JVMs and releases, so stored signatures stay comparable. */
    private static long fnv(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: a cheap, well-mixed 64-bit permutation. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
