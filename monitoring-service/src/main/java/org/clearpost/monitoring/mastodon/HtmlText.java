package org.clearpost.monitoring.mastodon;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mastodon status {@code content} (sanitised HTML: {@code p}, {@code br}, {@code a}, {@code span} and a few more) as
 * the plain text a reader saw: paragraphs separated by a blank line, {@code <br>} as a line break, every other tag
 * dropped with its text kept, entities unescaped. Mastodon sanitises content on its side, so a small converter is
 * enough; anything unexpected degrades to its text rather than failing.
 */
final class HtmlText {

    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern PARAGRAPH_END = Pattern.compile("(?i)</p\\s*>\\s*");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", "\u00a0");

    private HtmlText() {
    }

    static String toPlain(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String text = BREAK.matcher(html).replaceAll("\n");
        text = PARAGRAPH_END.matcher(text).replaceAll("\n\n");
        text = TAG.matcher(text).replaceAll("");
        return unescape(text).strip();
    }

    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String decode(String entity, String whole) {
        if (entity.charAt(0) != '#') {
            return NAMED.getOrDefault(entity.toLowerCase(java.util.Locale.ROOT), whole);
        }
        boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
        int code;
        try {
            code = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return whole;
        }
        // NUL and surrogates are not characters: keep the text as written, the pipeline's cleaning decides.
        if (code == 0 || code > Character.MAX_CODE_POINT || (code >= 0xD800 && code <= 0xDFFF)) {
            return whole;
        }
        return new String(Character.toChars(code));
    }
}
