package org.clearpost.publisher.network;

/** Pieces of a post's text that networks with a separate title take (YouTube, Flickr, SoundCloud). */
final class TextParts {

    private TextParts() {
    }

    /** The first line with something on it, stripped; empty when there is none. */
    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    /** {@code text} cut to {@code max} code points (never inside a surrogate pair). */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max)).strip();
    }
}
