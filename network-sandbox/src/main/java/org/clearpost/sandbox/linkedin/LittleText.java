package org.clearpost.sandbox.linkedin;

/**
 * LinkedIn's "little text" format of {@code commentary} and comment text, as far as the sandbox needs it: a backslash
 * escapes the character after it, and LinkedIn cuts the published text at the first reserved character that is not
 * escaped (it takes it for the start of markup it cannot read) while still answering 201. The sandbox treats every
 * unescaped reserved character so, mentions and hashtag templates included, which is what a publisher that escapes
 * plain text must never send.
 */
final class LittleText {

    static final String RESERVED = "\\|{}@[]()<>#*_~";

    private LittleText() {
    }

    /** What readers see of {@code commentary}: escapes removed, cut at the first unescaped reserved character. */
    static String shown(String commentary) {
        StringBuilder shown = new StringBuilder(commentary.length());
        for (int i = 0; i < commentary.length(); i++) {
            char c = commentary.charAt(i);
            if (c == '\\' && i + 1 < commentary.length()) {
                shown.append(commentary.charAt(++i));
            } else if (RESERVED.indexOf(c) >= 0) {
                break;
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    /** The little text LinkedIn stores and reads back for text shown as {@code shown}. */
    static String escaped(String shown) {
        StringBuilder escaped = new StringBuilder(shown.length() + 8);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (RESERVED.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
