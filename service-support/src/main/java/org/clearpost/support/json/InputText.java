package org.clearpost.support.json;

import java.util.Optional;

/**
 * Text that PostgreSQL, UTF-8 and the networks cannot carry: NUL (PostgreSQL refuses it in {@code text}) and UTF-16
 * surrogates without their partner (they have no UTF-8 form). API input containing either is refused; network input
 * (webhooks) is cleaned with {@link #clean} so the rest of a delivery is kept.
 */
public final class InputText {

    private InputText() {
    }

    /** Why {@code value} cannot be stored, or empty when it can. */
    public static Optional<String> problem(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain the NUL character (\\u0000)");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("must not contain an unpaired UTF-16 surrogate (\\u" + hex(c) + ")");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("must not contain an unpaired UTF-16 surrogate (\\u" + hex(c) + ")");
            }
        }
        return Optional.empty();
    }

    /** {@code value} without NUL characters and unpaired surrogates, or {@code value} itself when it has none. */
    public static String clean(String value) {
        if (value == null || problem(value).isEmpty()) {
            return value;
        }
        StringBuilder kept = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    kept.append(c).append(value.charAt(++i));
                }
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            kept.append(c);
        }
        return kept.toString();
    }

    /** {@code value} cleaned and cut to at most {@code maxLength} characters, never between a surrogate pair. */
    public static String cleanAndCut(String value, int maxLength) {
        String cleaned = clean(value);
        if (cleaned == null || cleaned.length() <= maxLength) {
            return cleaned;
        }
        int end = Character.isHighSurrogate(cleaned.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return cleaned.substring(0, end);
    }

    private static String hex(char c) {
        return String.format("%04x", (int) c);
    }
}
