package org.clearpost.monitoring.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;

/**
 * A mention read once for matching: its words (folded, see {@link TextFolding}) with where each occurs, its hashtags
 * and the handles it mentions (as the network marks them, and as written in the text), its network, author and
 * language. Built once per mention and shared by every query evaluated against it.
 */
final class MentionText {

    final Network network;
    final String author;
    final String lang;
    final String[] words;
    final int[] nextSame;
    private final Map<String, Integer> first;
    final Set<String> hashtags = new HashSet<>();
    final Set<String> handles = new HashSet<>();

    private MentionText(Network network, String author, String lang, String text) {
        this.network = network;
        this.author = author == null ? null : TextFolding.tag(author);
        this.lang = lang == null ? null : lang.toLowerCase(Locale.ROOT);
        String folded = TextFolding.fold(text);
        List<String> found = new java.util.ArrayList<>(Math.max(8, folded.length() / 5));
        int start = -1;
        int length = folded.length();
        for (int i = 0; i < length;) {
            int cp = folded.codePointAt(i);
            int width = Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else {
                if (start >= 0) {
                    found.add(folded.substring(start, i));
                    start = -1;
                }
                // '#tag' and '@handle' written in the text count as marked, unless glued to a word (e-mail addresses)
                if ((cp == '#' || cp == '@') && (i == 0 || !Character.isLetterOrDigit(folded.codePointBefore(i)))) {
                    int end = scanTag(folded, i + 1, cp == '@');
                    if (end > i + 1) {
                        (cp == '#' ? hashtags : handles).add(folded.substring(i + 1, end));
                    }
                }
            }
            i += width;
        }
        if (start >= 0) {
            found.add(folded.substring(start));
        }
        words = found.toArray(String[]::new);
        nextSame = new int[words.length];
        first = new HashMap<>(words.length * 2);
        // Backwards, so the map ends up holding each word's first occurrence and nextSame chains the later ones.
        for (int i = words.length - 1; i >= 0; i--) {
            Integer later = first.put(words[i], i);
            nextSame[i] = later == null ? -1 : later;
        }
    }

    private static int scanTag(String folded, int from, boolean handle) {
        int end = from;
        while (end < folded.length()) {
            int cp = folded.codePointAt(end);
            boolean part = Character.isLetterOrDigit(cp) || cp == '_'
                    || (handle && (cp == '.' || cp == '-' || cp == '@'));
            if (!part) {
                break;
            }
            end += Character.charCount(cp);
        }
        // A handle at the end of a sentence: "thanks @ico." is @ico
        while (handle && end > from && (folded.charAt(end - 1) == '.' || folded.charAt(end - 1) == '-')) {
            end--;
        }
        return end;
    }

    static MentionText of(NormalisedMention mention) {
        MentionText text = new MentionText(mention.network(), mention.authorHandle(), mention.lang(), mention.text());
        for (String tag : mention.hashtags()) {
            text.hashtags.add(TextFolding.tag(tag));
        }
        for (String handle : mention.mentionedHandles()) {
            text.handles.add(TextFolding.tag(handle));
        }
        if (mention.account() != null) {
            text.handles.add(TextFolding.tag(mention.account()));
        }
        return text;
    }

    /** For tests and the benchmark: text only, on a network. */
    static MentionText of(Network network, String author, String lang, String text) {
        return new MentionText(network, author, lang, text);
    }

    /** Index of the first occurrence of {@code word}, or -1; later ones follow {@link #nextSame}. */
    int first(String word) {
        Integer at = first.get(word);
        return at == null ? -1 : at;
    }

    boolean has(String word) {
        return first.containsKey(word);
    }

    /** Whether {@code phrase} occurs starting at {@code at}. */
    boolean phraseAt(List<String> phrase, int at) {
        if (at + phrase.size() > words.length) {
            return false;
        }
        for (int k = 1; k < phrase.size(); k++) {
            if (!words[at + k].equals(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }
}
