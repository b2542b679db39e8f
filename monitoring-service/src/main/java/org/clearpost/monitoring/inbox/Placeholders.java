package org.clearpost.monitoring.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved reply's placeholders, filled from the mention being answered:
 * <ul>
 * <li>{@code {author}}: the author's name as the network shows it (their handle with @ when the network gives no
 * name);</li>
 * <li>{@code {handle}}: the author's handle with @ (their name when the network gives no handle).</li>
 * </ul>
 * Any other {@code {word}} is refused when the reply is saved, so a typo never reaches the public.
 */
public final class Placeholders {

    /** The placeholders and what each stands for. */
    public static final Map<String, String> KNOWN = Map.of(
            "author", "the author's name (else @handle)",
            "handle", "the author's @handle (else name)");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)}");

    private Placeholders() {
    }

    /** The placeholders in {@code text} that are not {@link #KNOWN}, in order of appearance. */
    public static List<String> unknown(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!KNOWN.containsKey(m.group(1)) && !unknown.contains(m.group())) {
                unknown.add(m.group());
            }
        }
        return unknown;
    }

    /** The text with every known placeholder replaced; unknown ones are left as they are. */
    public static String fill(String text, String authorName, String authorHandle) {
        String handle = blank(authorHandle) ? null : "@" + authorHandle.strip().replaceFirst("^@", "");
        String name = blank(authorName) ? handle : authorName.strip();
        Map<String, String> values = Map.of(
                "author", name == null ? "" : name,
                "handle", handle == null ? (name == null ? "" : name) : handle);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
