package org.clearpost.monitoring.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spam and abuse: a mention that matches is hidden from the inbox's default view, never deleted (a monitor can still
 * show it, and the record stays). Each reason names the rule, so a person can see why it was hidden.
 */
public final class Moderation {

    private static final Pattern LINK = Pattern.compile("(?i)\\bhttps?://|\\bwww\\.");
    private static final String SUFFIXES = "(?:s|es|ed|er|ers|ing|in|y)?";

    private final Pattern profanity;
    private final Pattern phrases;
    private final Pattern crypto;
    private final int maxLinks;
    private final int repeatedChars;

    public Moderation(List<String> profanity, List<String> spamPhrases, List<String> crypto, int maxLinks,
            int repeatedChars) {
        this.profanity = profanity.isEmpty() ? null : wordsPattern(profanity, true);
        this.phrases = spamPhrases.isEmpty() ? null : wordsPattern(spamPhrases, false);
        this.crypto = crypto.isEmpty() ? null : wordsPattern(crypto, false);
        this.maxLinks = maxLinks;
        this.repeatedChars = repeatedChars;
    }

    public static Moderation of(TriageConfig config) {
        return new Moderation(config.profanity(), config.spam().phrases(), config.spam().crypto(),
                config.spam().maxLinks(), config.spam().repeatedChars());
    }

    /** The rules {@code text} breaks, e.g. "abuse: profanity (f*ck)"; empty when it is to be shown. */
    public List<String> reasons(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>(1);
        found(profanity, text, "abuse: profanity", reasons);
        int links = 0;
        for (Matcher m = LINK.matcher(text); m.find();) {
            links++;
        }
        if (links >= maxLinks) {
            reasons.add("spam: " + links + " links");
        }
        if (repeatedChars > 1 && repeats(text, repeatedChars)) {
            reasons.add("spam: a character repeated " + repeatedChars + " times or more");
        }
        found(phrases, text, "spam: phrase", reasons);
        found(crypto, text, "spam: crypto", reasons);
        return reasons;
    }

    private static void found(Pattern pattern, String text, String what, List<String> reasons) {
        if (pattern == null) {
            return;
        }
        Matcher m = pattern.matcher(text);
        if (m.find()) {
            reasons.add(what + " (" + m.group().toLowerCase(Locale.ROOT) + ")");
        }
    }

    private static boolean repeats(String text, int times) {
        int run = 1;
        for (int k = 1; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == text.charAt(k - 1) && !Character.isWhitespace(c)) {
                if (++run >= times) {
                    return true;
                }
            } else {
                run = 1;
            }
        }
        return false;
    }

    /**
     * One alternation of every entry, between word boundaries. Obfuscated spellings: any letter after the first may
     * be replaced by a symbol or look-alike digit (f*ck, sh1t, b@stard), each letter may be repeated (fuuuck).
     */
    static Pattern wordsPattern(List<String> entries, boolean obfuscations) {
        StringBuilder alternatives = new StringBuilder();
        for (String entry : entries) {
            String word = entry.strip().toLowerCase(Locale.ROOT);
            if (word.isEmpty()) {
                continue;
            }
            alternatives.append(alternatives.isEmpty() ? "" : "|");
            if (!obfuscations) {
                alternatives.append(Pattern.quote(word).replace(" ", "\\E\\s+\\Q"));
                continue;
            }
            alternatives.append("(?:");
            for (int k = 0; k < word.length(); k++) {
                char c = word.charAt(k);
                String letter = Pattern.quote(String.valueOf(c));
                alternatives.append(k == 0 ? letter + "+" : "(?:" + letter + "|" + lookAlike(c) + "[*#@$%!?_.~])+");
            }
            alternatives.append(SUFFIXES).append(")");
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String lookAlike(char c) {
        return switch (c) {
            case 'a' -> "4|";
            case 'e' -> "3|";
            case 'i', 'l' -> "1|";
            case 'o' -> "0|";
            case 's' -> "5|";
            case 't' -> "7|";
            default -> "";
        };
    }
}
