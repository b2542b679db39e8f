package org.clearpost.monitoring.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A post's rich-text facets. Their {@code index} counts bytes of the text's UTF-8 encoding, not Java chars: before an
 * emoji, an accent or CJK text the two differ, so slicing the String by these numbers would cut the wrong text (or in
 * the middle of a surrogate pair). What a facet points at comes from its feature ({@code did}, {@code tag}); the
 * covered text only adds the handle as written.
 *
 * @param mentionDids DIDs of {@code #mention} features, in order, without repeats
 * @param handles     the text a mention covers, without the leading '@', when it is a whole UTF-8 sequence
 * @param tags        {@code #tag} features without '#'
 */
record Facets(List<String> mentionDids, List<String> handles, List<String> tags) {

    static final String MENTION = "app.bsky.richtext.facet#mention";
    static final String TAG = "app.bsky.richtext.facet#tag";

    static Facets of(String text, JsonNode facets) {
        Set<String> dids = new LinkedHashSet<>();
        Set<String> handles = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (JsonNode facet : facets) {
            for (JsonNode feature : facet.path("features")) {
                String type = feature.path("$type").asText();
                if (MENTION.equals(type) && feature.path("did").isTextual()) {
                    dids.add(feature.path("did").asText());
                    String covered = covered(bytes, facet.path("index"));
                    if (covered != null && covered.startsWith("@") && covered.length() > 1) {
                        handles.add(covered.substring(1));
                    }
                } else if (TAG.equals(type) && feature.path("tag").isTextual()) {
                    String tag = feature.path("tag").asText();
                    tags.add(tag.startsWith("#") ? tag.substring(1) : tag);
                }
            }
        }
        return new Facets(List.copyOf(dids), List.copyOf(handles), new ArrayList<>(tags));
    }

    /** The text bytes [byteStart, byteEnd) decode to, or null if out of range or not whole characters. */
    static String covered(byte[] text, JsonNode index) {
        if (!index.path("byteStart").canConvertToInt() || !index.path("byteEnd").canConvertToInt()) {
            return null;
        }
        int start = index.path("byteStart").asInt();
        int end = index.path("byteEnd").asInt();
        if (start < 0 || end > text.length || start >= end) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Arrays.copyOfRange(text, start, end))).toString();
        } catch (CharacterCodingException cutInsideACharacter) {
            return null;
        }
    }
}
