package org.clearpost.monitoring.query;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;

/**
 * A mention read once for matching against one snapshot of queries: the number (in the snapshot's
 * {@link Vocabulary}) of the word at each position, -1 for words no query uses (they still count for NEAR), where each
 * known word first occurs and where it recurs; its hashtags and the handles it names (as the network marks them,
 * and as written in the text), its network, author and language.
 */
final class MentionText {

    final Network network;
    final String author;
    final String lang;
    final Set<String> hashtags = new HashSet<>(4);
    final Set<String> handles = new HashSet<>(4);
    /** Word number at each position. */
    final int[] words;
    /** Position of the next occurrence of the same word, or -1. */
    final int[] nextSame;
    /** First position of each word of the vocabulary, or -1. */
    final int[] first;

    private MentionText(Vocabulary vocabulary, Network network, String author, String lang, String text) {
        this.network = network;
        this.author = author == null ? null : TextFolding.tag(author);
        this.lang = lang == null ? null : lang.toLowerCase(Locale.ROOT);
        String folded = TextFolding.fold(text);
        int[] found = new int[Math.max(8, folded.length() / 4)];
        int count = 0;
        int start = -1;
        int hash = 0;
        int length = folded.length();
        for (int i = 0; i < length;) {
            int cp = folded.codePointAt(i);
            int width = Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (start < 0) {
                    start = i;
                    hash = 0;
                }
                // String.hashCode over the UTF-16 units of the word, computed while scanning
                hash = 31 * hash + folded.charAt(i);
                if (width == 2) {
                    hash = 31 * hash + folded.charAt(i + 1);
                }
            } else {
                if (start >= 0) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = vocabulary.id(folded, start, i, hash);
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
            if (count == found.length) {
                found = Arrays.copyOf(found, count + 1);
            }
            found[count++] = vocabulary.id(folded, start, length, hash);
        }
        words = count == found.length ? found : Arrays.copyOf(found, count);
        nextSame = new int[count];
        first = new int[vocabulary.size()];
        Arrays.fill(first, -1);
        // Backwards, so first[] ends up at each word's first occurrence and nextSame chains the later ones.
        for (int p = count - 1; p >= 0; p--) {
            int id = words[p];
            if (id >= 0) {
                nextSame[p] = first[id];
                first[id] = p;
            } else {
                nextSame[p] = -1;
            }
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

    static MentionText of(Vocabulary vocabulary, NormalisedMention mention) {
        MentionText text = new MentionText(vocabulary, mention.network(), mention.authorHandle(), mention.lang(),
                mention.text());
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

    /** Text only, on a network (tests and the benchmark). */
    static MentionText of(Vocabulary vocabulary, Network network, String author, String lang, String text) {
        return new MentionText(vocabulary, network, author, lang, text);
    }

    /** Whether the words numbered {@code phrase} occur in this order starting at {@code at}. */
    boolean phraseAt(int[] phrase, int at) {
        if (at + phrase.length > words.length) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            if (words[at + k] != phrase[k]) {
                return false;
            }
        }
        return true;
    }
}
