package org.clearpost.monitoring.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Spam and abuse: a mention that matches is hidden from the inbox's default view, never deleted (a monitor can still
 * show it, and the record stays). Each reason names the rule, so a person can see why it was hidden.
 */
public final class Moderation {

    private static final String SUFFIXES = "(?:s|es|ed|er|ers|ing|in|y)?";

    /** Characters obfuscations use inside a word (f*ck, sh!t, b@stard): they do not end a token. */
    private static final String SYMBOLS = "*#@$%!?_.~";

    private final Pattern profanity;
    /** The profanity list's entries by first letter: a token is matched only against those starting as it does. */
    private final java.util.Map<Character, Pattern> profanityByInitial;
    private final Pattern phrases;
    private final List<String> phraseHints;
    private final Pattern crypto;
    private final List<String> cryptoHints;
    private final int maxLinks;
    private final int repeatedChars;

    public Moderation(List<String> profanity, List<String> spamPhrases, List<String> crypto, int maxLinks,
            int repeatedChars) {
        this.profanity = profanity.isEmpty() ? null : wordsPattern(profanity, true);
        this.profanityByInitial = profanity.stream().map(w -> w.strip().toLowerCase(Locale.ROOT))
                .filter(w -> !w.isEmpty()).collect(Collectors.groupingBy(w -> w.charAt(0))).entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(java.util.Map.Entry::getKey,
                        e -> wordsPattern(e.getValue(), true)));
        this.phrases = spamPhrases.isEmpty() ? null : wordsPattern(spamPhrases, false);
        this.phraseHints = hints(spamPhrases);
        this.crypto = crypto.isEmpty() ? null : wordsPattern(crypto, false);
        this.cryptoHints = hints(crypto);
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
        String lower = text.toLowerCase(Locale.ROOT);
        String profane = profanity(text);
        if (profane != null) {
            reasons.add("abuse: profanity (" + profane + ")");
        }
        int links = count(lower, "http://") + count(lower, "https://") + count(lower, "www.");
        if (links >= maxLinks) {
            reasons.add("spam: " + links + " links");
        }
        if (repeatedChars > 1 && repeats(text, repeatedChars)) {
            reasons.add("spam: a character repeated " + repeatedChars + " times or more");
        }
        found(phrases, phraseHints, text, lower, "spam: phrase", reasons);
        found(crypto, cryptoHints, text, lower, "spam: crypto", reasons);
        return reasons;
    }

    /**
     * The first profane token, or null. Cheaper than running the list's pattern along the whole text: a token is
     * matched only if it starts with one of the list's first letters.
     */
    private String profanity(String text) {
        if (profanity == null) {
            return null;
        }
        int length = text.length();
        int k = 0;
        while (k < length) {
            while (k < length && !Character.isLetterOrDigit(text.charAt(k))) {
                k++;
            }
            int start = k;
            while (k < length && (Character.isLetterOrDigit(text.charAt(k)) || SYMBOLS.indexOf(text.charAt(k)) >= 0)) {
                k++;
            }
            Pattern candidates = start < k ? profanityByInitial.get(Character.toLowerCase(text.charAt(start))) : null;
            if (candidates != null) {
                int end = k;
                while (end > start + 1 && SYMBOLS.indexOf(text.charAt(end - 1)) >= 0
                        && !candidates.matcher(text).region(start, end).matches()) {
                    end--;
                }
                Matcher m = candidates.matcher(text).region(start, end);
                if (m.matches()) {
                    return text.substring(start, end).toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** Each entry's longest word: an entry cannot match a text that lacks it. */
    private static List<String> hints(List<String> entries) {
        return entries.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty())
                .map(e -> java.util.Arrays.stream(e.split("\\s+")).max(java.util.Comparator.comparingInt(
                        String::length)).orElse(e))
                .distinct().toList();
    }

    private static void found(Pattern pattern, List<String> hints, String text, String lower, String what,
            List<String> reasons) {
        if (pattern == null || hints.stream().noneMatch(lower::contains)) {
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
