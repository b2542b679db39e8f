package org.clearpost.drafting.domain.rules;

/** A text being validated, with what several rules need worked out once. */
final class RuleText {

    private final String value;
    private int[] clusters;

    RuleText(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    int length() {
        return value.length();
    }

    /** Grapheme cluster boundaries, see {@link Graphemes#boundaries(String)}. */
    int[] clusters() {
        if (clusters == null) {
            clusters = Graphemes.boundaries(value);
        }
        return clusters;
    }

    /** UTF-8 bytes of {@code [start, end)}; an unpaired surrogate counts 3, as the U+FFFD a sender puts for it. */
    static int utf8Length(String s, int start, int end) {
        int bytes = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
