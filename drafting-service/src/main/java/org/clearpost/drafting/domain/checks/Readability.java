package org.clearpost.drafting.domain.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flesch reading ease and Flesch-Kincaid grade of English text. Links, @mentions and #hashtags are left out (they
 * are not read as prose). Syllables are estimated by vowel groups with the usual corrections (silent final e,
 * -es/-ed endings), which is what the formulas were calibrated with; it is an estimate, as every implementation's is.
 */
public final class Readability {

    /** Links, @mentions and #hashtags: not read as prose (also by the checks that count letters or words). */
    static final Pattern NOT_PROSE = Pattern.compile("(?:https?://\\S+|www\\.\\S+|[@#][\\p{L}\\p{N}_@.]+)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)|\\n+");
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

    private Readability() {
    }

    /** Counts of one text; sentences at least 1 when there are words. */
    public record Counts(int words, int sentences, int syllables) {

        /** 206.835 − 1.015 × words per sentence − 84.6 × syllables per word. */
        public double readingEase() {
            return 206.835 - 1.015 * ((double) words / sentences) - 84.6 * ((double) syllables / words);
        }

        /** 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
        public double grade() {
            return 0.39 * ((double) words / sentences) + 11.8 * ((double) syllables / words) - 15.59;
        }

        /** The age at which a reader can usually read the text: US grade + 5. */
        public double readingAge() {
            return grade() + 5;
        }
    }

    public static Counts count(String text) {
        String prose = NOT_PROSE.matcher(text).replaceAll(" ");
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(prose);
        while (word.find()) {
            words.add(word.group());
        }
        int sentences = 0;
        for (String piece : SENTENCE_END.split(prose.strip())) {
            if (WORD.matcher(piece).find()) {
                sentences++;
            }
        }
        int syllables = words.stream().mapToInt(Readability::syllables).sum();
        return new Counts(words.size(), Math.max(sentences, words.isEmpty() ? 0 : 1), syllables);
    }

    public static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 0;
        }
        if (w.length() <= 3) {
            return 1;
        }
        w = w.replaceAll("(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "x").replaceAll("^y", "");
        Matcher groups = VOWELS.matcher(w);
        int count = 0;
        while (groups.find()) {
            count++;
        }
        return Math.max(count, 1);
    }
}
