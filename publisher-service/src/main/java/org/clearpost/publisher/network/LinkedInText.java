package org.clearpost.publisher.network;

/**
 * Plain text as LinkedIn's "little text" format, which {@code commentary} and comment text are read as: LinkedIn cuts
 * the published text at the first reserved character that is not escaped (it takes it for markup such as a mention
 * template) while still answering 201. The clearance carries the plain text that was cleared (drafting's
 * {@code LinkedInText} counts the length of this escaped form but does not send it escaped), so the connector escapes
 * it, exactly once, just before sending. The reserved set is drafting's: {@code \ | { } @ [ ] ( ) < > # * _ ~}.
 */
final class LinkedInText {

    static final String RESERVED = "\\|{}@[]()<>#*_~";

    private LinkedInText() {
    }

    /** Each reserved character gets a backslash before it, so the post shows exactly {@code text}. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (RESERVED.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
