package org.clearpost.drafting.domain.rules;

/**
 * LinkedIn's "little text" format, used by the Posts API's {@code commentary}: some characters are markup
 * ({@code @[Name](urn:li:person:1)} mentions, {@code #hashtag} templates and so on), and LinkedIn cuts the published
 * text at the first one that is not escaped, while still answering 201. Plain text must therefore be escaped.
 *
 * <p>The reserved characters are {@code \ | { } @ [ ] ( ) < > # * _ ~}. The backslash is one of them: it is the
 * escape character, so a literal backslash must be doubled, or it would swallow the character after it.
 */
public final class LinkedInText {

    /** Every character that {@link #escape(String)} prefixes with a backslash. */
    public static final String RESERVED = "\\|{}@[]()<>#*_~";

    private LinkedInText() {
    }

    /** Whether LinkedIn's little text format reserves this character. */
    public static boolean isReserved(int ch) {
        return ch < 128 && RESERVED.indexOf(ch) >= 0;
    }

    /**
     * Plain text as LinkedIn's little text format, to send as {@code commentary}: each reserved character gets a
     * backslash before it, so the post shows exactly {@code text}. Escape raw text once: escaping escaped text
     * doubles the backslashes. A {@code #word} or {@code @name} in the text therefore stays plain text, not a
     * LinkedIn hashtag or mention.
     */
    public static String escape(String text) {
        int first = firstReserved(text);
        if (first < 0) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isReserved(c)) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** How many UTF-16 characters {@link #escape(String)} adds between {@code start} and {@code end}. */
    static int escapesIn(String text, int start, int end) {
        int count = 0;
        for (int i = start; i < end; i++) {
            if (isReserved(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static int firstReserved(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isReserved(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
