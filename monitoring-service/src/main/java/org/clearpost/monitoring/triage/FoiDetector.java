package org.clearpost.monitoring.triage;

import java.util.regex.Pattern;

/**
 * Whether a mention reads like a request for information under FOIA s.8: in writing (a post is), a description of
 * the information, the requester's real name and an address for correspondence. A monitor confirms it; triage only
 * flags it so the 20-working-day clock is seen from day one.
 */
public final class FoiDetector {

    private static final Pattern REQUEST = Pattern.compile("(?i)\\bfreedom\\s+of\\s+information\\b|\\bfoia?\\b"
            + "|\\bi\\s+(?:hereby\\s+|would\\s+like\\s+to\\s+|wish\\s+to\\s+|want\\s+to\\s+)?request\\b"
            + "|\\bplease\\s+(?:provide|send|disclose|release|tell)\\b(?:\\W+\\w+){0,10}?\\W+"
            + "(?:information|details|data|records|copies|copy|figures|documents|correspondence|how\\s+many)\\b"
            + "|\\bi\\s+would\\s+like\\s+(?:a\\s+copy\\s+of|copies\\s+of|to\\s+know\\s+how\\s+many)\\b");
    /** "My name is Jane Smith" (two capitalised words). */
    private static final Pattern NAMED = Pattern.compile("(?i:\\bmy\\s+name\\s+is)\\s+\\p{Lu}[\\p{L}'-]+\\s+"
            + "\\p{Lu}[\\p{L}'-]+");
    /** A display name of at least two words of letters, such as "Jane Smith" (not "ICO fan 2024"). */
    private static final Pattern REAL_NAME = Pattern.compile("\\p{L}[\\p{L}.'-]*(?:\\s+\\p{L}[\\p{L}.'-]*)+");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    /** A UK postcode, e.g. SK9 5AF, EC1A 1BB. */
    private static final Pattern POSTCODE = Pattern.compile(
            "(?i)\\b[A-Z]{1,2}[0-9][A-Z0-9]?\\s*[0-9][A-Z]{2}\\b");

    private final boolean handleIsAddress;

    public FoiDetector(boolean handleIsAddress) {
        this.handleIsAddress = handleIsAddress;
    }

    /** A cheap gate before the request pattern: every request form contains one of these. */
    private static boolean mayRequest(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("information") || lower.contains("foi") || lower.contains("request")
                || lower.contains("please") || lower.contains("would like");
    }

    public boolean possibleFoi(String text, String authorName, String authorHandle) {
        if (text == null || !mayRequest(text) || !REQUEST.matcher(text).find()) {
            return false;
        }
        boolean named = NAMED.matcher(text).find()
                || (authorName != null && REAL_NAME.matcher(authorName.strip()).matches());
        if (!named) {
            return false;
        }
        return EMAIL.matcher(text).find() || POSTCODE.matcher(text).find()
                || (handleIsAddress && authorHandle != null && !authorHandle.isBlank());
    }
}
