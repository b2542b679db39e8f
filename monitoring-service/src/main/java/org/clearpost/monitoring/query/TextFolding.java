package org.clearpost.monitoring.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one rule by which both mention text and query words are compared, so that a query matches however a person
 * typed a word (README "Tracked queries", "How text is compared"):
 * <ol>
 * <li>compatibility decomposition (NFKD): ligatures, full-width and super-script forms become their plain letters;</li>
 * <li>accents and other combining marks dropped ({@code café} = {@code cafe}), and the letters NFKD keeps whole
 * spelt out ({@code ß}=ss, {@code æ}=ae, {@code œ}=oe, {@code ø}=o, {@code ł}=l, {@code đ}=d, {@code þ}=th,
 * {@code ı}=i);</li>
 * <li>lower case (root locale);</li>
 * <li>a word is a maximal run of letters and digits: everything else (spaces, punctuation, apostrophes, hyphens,
 * underscores, emoji) separates words, so {@code ICO's} holds the words {@code ico s} and {@code data-protection}
 * the words {@code data protection}.</li>
 * </ol>
 * Scripts written without spaces (Chinese, Japanese, Thai) are not segmented: a run of their letters is one word.
 */
public final class TextFolding {

    private TextFolding() {
    }

    /** The folded form of {@code text} (steps 1-3): same words, no accents, lower case. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        boolean ascii = true;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return text.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length();) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            switch (cp) {
                case 'ß', 'ẞ' -> out.append("ss");
                case 'æ', 'Æ' -> out.append("ae");
                case 'œ', 'Œ' -> out.append("oe");
                case 'ø', 'Ø' -> out.append('o');
                case 'ł', 'Ł' -> out.append('l');
                case 'đ', 'Đ' -> out.append('d');
                case 'þ', 'Þ' -> out.append("th");
                case 'ı' -> out.append('i');
                default -> out.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return out.toString();
    }

    /** The words of {@code text} (all four steps), in order. */
    static List<String> words(String text) {
        String folded = fold(text);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < folded.length();) {
            int cp = folded.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(folded.substring(start));
        }
        return words;
    }

    /** A hashtag or handle as compared: folded, without its leading '#' or '@'. */
    static String tag(String value) {
        String folded = fold(value);
        while (folded.startsWith("#") || folded.startsWith("@")) {
            folded = folded.substring(1);
        }
        return folded;
    }
}
