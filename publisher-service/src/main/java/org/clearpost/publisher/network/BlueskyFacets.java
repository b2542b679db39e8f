package org.clearpost.publisher.network;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the rich-text facets of a Bluesky post: links ({@code http(s)://...}), mentions ({@code @handle.domain}) and
 * hashtags ({@code #tag}), each with the span it covers as UTF-8 byte offsets, which is what
 * {@code app.bsky.richtext.facet#byteSlice} counts: Java strings index UTF-16 chars, so an emoji before a link moves
 * it by 4 bytes but only 2 chars, and an accented letter by 2 bytes but 1 char. The rules follow Bluesky's own
 * detection ({@code RichText.detectFacets} in {@code @atproto/api}): a facet starts the text or follows white space
 * (a link or mention may also follow '('), trailing punctuation is not part of it, a tag is not only digits and is at
 * most 64 characters. Bare domains without a scheme are not linked. Pure: the connector resolves mentioned handles to
 * DIDs.
 */
public final class BlueskyFacets {

    /** What a facet is: its {@code app.bsky.richtext.facet} feature. */
    public enum Kind {
        LINK, MENTION, TAG
    }

    /**
     * One facet.
     *
     * @param value the link's URI, the mentioned handle (without '@'), or the tag (without '#')
     */
    public record Facet(Kind kind, int byteStart, int byteEnd, String value) {
    }

    private static final Pattern LINK = Pattern.compile("(?:^|(?<=[\\s(]))(https?://\\S+)",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern MENTION = Pattern.compile(
            "(?:^|(?<=[\\s(]))@([a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}"
                    + "[a-zA-Z0-9])?)+)(?![a-zA-Z0-9-]|\\.[a-zA-Z0-9])",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TAG = Pattern.compile("(?:^|(?<=\\s))[#＃](\\S+)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("\\p{P}+$");
    private static final Pattern ONLY_DIGITS = Pattern.compile("\\d+");
    private static final int MAX_TAG = 64;

    private BlueskyFacets() {
    }

    /** Every facet of {@code text}, in text order. */
    public static List<Facet> detect(String text) {
        List<Facet> facets = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String uri = trimLink(link.group(1));
            facets.add(facet(text, Kind.LINK, link.start(1), link.start(1) + uri.length(), uri));
        }
        Matcher mention = MENTION.matcher(text);
        while (mention.find()) {
            facets.add(facet(text, Kind.MENTION, mention.start(), mention.end(1), mention.group(1)));
        }
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            String value = TRAILING_PUNCTUATION.matcher(tag.group(1)).replaceAll("");
            if (value.isEmpty() || ONLY_DIGITS.matcher(value).matches() || value.codePointCount(0, value.length())
                    > MAX_TAG) {
                continue;
            }
            facets.add(facet(text, Kind.TAG, tag.start(), tag.start(1) + value.length(), value));
        }
        facets.sort(Comparator.comparingInt(Facet::byteStart));
        return facets;
    }

    /** The number of UTF-8 bytes of {@code text} before char index {@code charIndex}. */
    static int utf8Offset(String text, int charIndex) {
        return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }

    private static Facet facet(String text, Kind kind, int charStart, int charEnd, String value) {
        return new Facet(kind, utf8Offset(text, charStart), utf8Offset(text, charEnd), value);
    }

    /** Drops the punctuation that ends a sentence after a link, and a ')' the link did not open. */
    private static String trimLink(String uri) {
        String trimmed = uri;
        while (!trimmed.isEmpty()) {
            char last = trimmed.charAt(trimmed.length() - 1);
            if (".,;:!?\"'".indexOf(last) >= 0 || (last == ')' && trimmed.indexOf('(') < 0)) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            } else {
                break;
            }
        }
        return trimmed;
    }
}
