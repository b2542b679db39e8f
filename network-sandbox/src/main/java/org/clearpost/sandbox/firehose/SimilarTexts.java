package org.clearpost.sandbox.firehose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Near-duplicate variations of one text, as a campaign or a pile-on writes them: the text itself, then copies with a
 * word shouted, a word dropped, a few words in front or at the end. Deterministic (variation {@code i} is always the
 * same), so a test knows what it will find.
 */
public final class SimilarTexts {

    private static final String[] BEFORE = { "RT", "This:", "Agreed,", "So", "Wow." };
    private static final String[] AFTER = { "!!", "Shameful.", "Please answer.", "#fail", "(via a friend)" };

    private SimilarTexts() {
    }

    public static List<String> variations(String text, int count) {
        String base = text.strip().replaceAll("\\s+", " ");
        String[] words = base.split(" ");
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int round = i / 5;
            String variant = switch (i % 5) {
                case 0 -> round == 0 ? base
                        : BEFORE[(round + 2) % BEFORE.length] + " " + base + " " + AFTER[(round + 3) % AFTER.length];
                case 1 -> BEFORE[round % BEFORE.length] + " " + base;
                case 2 -> base + " " + AFTER[round % AFTER.length];
                case 3 -> shout(words, round);
                default -> words.length > 6 ? drop(words, round) : BEFORE[(round + 1) % BEFORE.length] + " " + base + "!";
            };
            out.add(variant);
        }
        return out;
    }

    private static String shout(String[] words, int round) {
        String[] copy = words.clone();
        int at = round % copy.length;
        copy[at] = copy[at].toUpperCase(Locale.ROOT);
        return String.join(" ", copy);
    }

    /** Drops one word, never the first (it may be the @handle that makes the text a mention). */
    private static String drop(String[] words, int round) {
        int at = 1 + round % (words.length - 1);
        List<String> kept = new ArrayList<>(List.of(words));
        kept.remove(at);
        return String.join(" ", kept);
    }
}
