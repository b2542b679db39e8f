package org.clearpost.drafting.domain.rules;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User-perceived characters: Unicode extended grapheme clusters, as Bluesky counts them (with
 * {@code Intl.Segmenter}) and Mastodon does (Ruby's {@code grapheme_length}).
 *
 * <p>Segmented with the regex {@code \X}, not {@link java.text.BreakIterator#getCharacterInstance()}: on JDK 17
 * BreakIterator keeps combining marks with their letter but splits emoji sequences, counting a ZWJ family
 * (👨‍👩‍👧‍👦) as 7, a flag (🇬🇧) as 2, a skin-toned emoji (👍🏽) as 2 and the Welsh flag as 7. {@code \X} counts each as
 * one on JDK 17 (its rules are Unicode 13's; JDK 20 fixed BreakIterator). One known difference from current
 * browsers: Unicode 15.1 made some Indic conjuncts one cluster (नमस्ते is 3 in a browser, 4 here), so in those scripts
 * this count can be slightly higher than Bluesky's, never lower.
 */
final class Graphemes {

    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Graphemes() {
    }

    /**
     * The cluster boundaries of {@code text} as UTF-16 indexes: {@code 0}, then the end of each cluster, the last
     * being {@code text.length()}. Cluster {@code i} is {@code [b[i], b[i + 1])}; {@code b.length - 1} clusters.
     */
    static int[] boundaries(String text) {
        int[] bounds = new int[Math.min(text.length(), 1 << 16) + 1];
        int count = 1;
        Matcher m = CLUSTER.matcher(text);
        while (m.find()) {
            if (count == bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[count++] = m.end();
        }
        return Arrays.copyOf(bounds, count);
    }

    static int count(String text) {
        return boundaries(text).length - 1;
    }

    /** The largest boundary that is {@code <= index}: where the cluster holding {@code index} starts. */
    static int floor(int[] bounds, int index) {
        int at = Arrays.binarySearch(bounds, index);
        return at >= 0 ? bounds[at] : bounds[Math.max(0, -at - 2)];
    }
}
