package org.clearpost.sandbox.domain;

import java.text.BreakIterator;

/** User-perceived characters, as Bluesky and Mastodon count their text limits (an accented letter is one). */
public final class Graphemes {

    private Graphemes() {
    }

    public static int count(String text) {
        BreakIterator it = BreakIterator.getCharacterInstance();
        it.setText(text);
        int count = 0;
        while (it.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }
}
