package org.clearpost.drafting.feed;

import java.util.ArrayList;
import java.util.List;

/** The starting text of a post drafted from a feed item: title, a short summary, the link. */
final class DraftText {

    static final int MAX_TITLE = 150;
    /** Short enough that title, summary and link still leave a drafter room on the stricter networks. */
    static final int MAX_SUMMARY = 200;

    private DraftText() {
    }

    static String of(String title, String summary, String link) {
        List<String> parts = new ArrayList<>();
        parts.add(shorten(title, MAX_TITLE));
        if (summary != null && !summary.isBlank() && !summary.strip().equals(title.strip())) {
            parts.add(shorten(summary, MAX_SUMMARY));
        }
        if (link != null && !link.isBlank()) {
            parts.add(link.strip());
        }
        return String.join("\n\n", parts);
    }

    /** Cut at the last word boundary that fits, with an ellipsis; never inside a surrogate pair. */
    static String shorten(String text, int max) {
        String stripped = text.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        int end = max - 1;
        int space = stripped.lastIndexOf(' ', end);
        if (space > max / 2) {
            end = space;
        } else if (Character.isHighSurrogate(stripped.charAt(end - 1))) {
            end--;
        }
        return stripped.substring(0, end).stripTrailing() + "\u2026";
    }
}
