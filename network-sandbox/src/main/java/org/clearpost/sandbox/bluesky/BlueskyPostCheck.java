package org.clearpost.sandbox.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.clearpost.sandbox.domain.Graphemes;

/**
 * What the PDS's lexicon validation checks of an {@code app.bsky.feed.post} record written with a client-chosen
 * record key, plus one check of the sandbox's own: every facet's {@code byteStart}/{@code byteEnd} must fall on UTF-8
 * character boundaries of the text and cover what its feature says (a mention starts with '@', a tag is '#' and the
 * tag). Bluesky itself stores offsets that split a character and clients then show the facet in the wrong place; the
 * sandbox refuses them so a connector counting UTF-16 chars instead of bytes fails its test. Each method answers the
 * message of the refusal, or empty.
 */
public final class BlueskyPostCheck {

    public static final int MAX_GRAPHEMES = 300;
    public static final int MAX_BYTES = 3000;
    /** {@code app.bsky.embed.images#image}: at most 1,000,000 bytes, at most 4 images. */
    public static final long MAX_IMAGE_BYTES = 1_000_000;
    /** {@code app.bsky.embed.video}: at most 100,000,000 bytes. */
    public static final long MAX_VIDEO_BYTES = 100_000_000;

    /** A TID: 13 base32-sortable characters, the first with the top bit clear. */
    private static final Pattern TID = Pattern.compile("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}");
    private static final String PREFIX = "Invalid app.bsky.feed.post record: ";

    private BlueskyPostCheck() {
    }

    /** Bluesky only accepts a client-chosen key for a post when it is a TID (posts are ordered by them). */
    public static Optional<String> recordKey(String rkey) {
        return rkey == null || TID.matcher(rkey).matches() ? Optional.empty()
                : Optional.of("Invalid record key for app.bsky.feed.post: must be a TID (13 characters, base32-sortable), got "
                        + rkey);
    }

    /**
     * Checks the record; {@code blobs} looks up an uploaded blob by CID (empty: "Could not find blob", answered by
     * the caller as {@code BlobNotFound}).
     */
    public static Optional<String> post(JsonNode record, Function<String, Optional<BlueskyRepo.Blob>> blobs) {
        if (!BlueskyPost.COLLECTION.equals(record.path("$type").asText())) {
            return Optional.of("Invalid $type: expected " + BlueskyPost.COLLECTION + ", got "
                    + record.path("$type").asText("nothing"));
        }
        if (!record.path("text").isTextual()) {
            return Optional.of(PREFIX + "Record must have the property \"text\"");
        }
        if (!record.path("createdAt").isTextual()) {
            return Optional.of(PREFIX + "Record must have the property \"createdAt\"");
        }
        String text = record.path("text").asText();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_BYTES) {
            return Optional.of(PREFIX + "Record/text must not be longer than " + MAX_BYTES + " characters");
        }
        if (Graphemes.count(text) > MAX_GRAPHEMES) {
            return Optional.of(PREFIX + "Record/text must not be longer than " + MAX_GRAPHEMES + " graphemes");
        }
        JsonNode facets = record.path("facets");
        for (int i = 0; i < facets.size(); i++) {
            Optional<String> wrong = facet(facets.get(i), "Record/facets/" + i, utf8);
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        return embed(record.path("embed"), blobs);
    }

    private static Optional<String> facet(JsonNode facet, String at, byte[] utf8) {
        JsonNode index = facet.path("index");
        if (!index.path("byteStart").isIntegralNumber() || !index.path("byteEnd").isIntegralNumber()) {
            return Optional.of(PREFIX + at + "/index must have the properties \"byteStart\" and \"byteEnd\"");
        }
        int start = index.path("byteStart").asInt();
        int end = index.path("byteEnd").asInt();
        if (start < 0 || end < start || end > utf8.length) {
            return Optional.of(PREFIX + at + "/index [" + start + ", " + end + ") is outside the text's "
                    + utf8.length + " UTF-8 bytes (sandbox check)");
        }
        if (!boundary(utf8, start) || !boundary(utf8, end)) {
            return Optional.of(PREFIX + at + "/index [" + start + ", " + end
                    + ") does not fall on UTF-8 character boundaries of the text (sandbox check: offsets count bytes)");
        }
        String covered = new String(utf8, start, end - start, StandardCharsets.UTF_8);
        JsonNode features = facet.path("features");
        if (!features.isArray() || features.isEmpty()) {
            return Optional.of(PREFIX + at + "/features must not be empty");
        }
        for (JsonNode feature : features) {
            String type = feature.path("$type").asText();
            switch (type) {
                case "app.bsky.richtext.facet#mention" -> {
                    if (!feature.path("did").asText().startsWith("did:")) {
                        return Optional.of(PREFIX + at + "/features/0/did must be a valid did");
                    }
                    if (!covered.startsWith("@")) {
                        return Optional.of(PREFIX + at + " covers \"" + covered
                                + "\", not an @mention (sandbox check: offsets count bytes)");
                    }
                }
                case "app.bsky.richtext.facet#tag" -> {
                    if (!covered.equals("#" + feature.path("tag").asText())) {
                        return Optional.of(PREFIX + at + " covers \"" + covered + "\", not #"
                                + feature.path("tag").asText() + " (sandbox check: offsets count bytes)");
                    }
                }
                case "app.bsky.richtext.facet#link" -> {
                    if (!feature.path("uri").asText().contains(":")) {
                        return Optional.of(PREFIX + at + "/features/0/uri must be a valid uri");
                    }
                }
                default -> {
                    return Optional.of(PREFIX + at + "/features/0 has an unknown $type " + type);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> embed(JsonNode embed, Function<String, Optional<BlueskyRepo.Blob>> blobs) {
        if (embed.isMissingNode()) {
            return Optional.empty();
        }
        String type = embed.path("$type").asText();
        if ("app.bsky.embed.images".equals(type)) {
            JsonNode images = embed.path("images");
            if (!images.isArray() || images.isEmpty() || images.size() > 4) {
                return Optional.of(PREFIX + "Record/embed/images must have 1 to 4 elements");
            }
            for (int i = 0; i < images.size(); i++) {
                if (!images.get(i).path("alt").isTextual()) {
                    return Optional.of(PREFIX + "Record/embed/images/" + i + " must have the property \"alt\"");
                }
                Optional<String> wrong = blob(images.get(i).path("image"), "Record/embed/images/" + i + "/image",
                        "image/", MAX_IMAGE_BYTES, blobs);
                if (wrong.isPresent()) {
                    return wrong;
                }
            }
            return Optional.empty();
        }
        if ("app.bsky.embed.video".equals(type)) {
            return blob(embed.path("video"), "Record/embed/video", "video/", MAX_VIDEO_BYTES, blobs);
        }
        return Optional.of(PREFIX + "Record/embed $type " + type
                + " is not one the sandbox takes (app.bsky.embed.images, app.bsky.embed.video)");
    }

    private static Optional<String> blob(JsonNode ref, String at, String mimePrefix, long maxBytes,
            Function<String, Optional<BlueskyRepo.Blob>> blobs) {
        String cid = ref.path("ref").path("$link").asText("");
        Optional<BlueskyRepo.Blob> blob = blobs.apply(cid);
        if (!"blob".equals(ref.path("$type").asText()) || blob.isEmpty()) {
            return Optional.of("Could not find blob: " + (cid.isEmpty() ? at : cid));
        }
        if (!blob.get().mimeType().startsWith(mimePrefix)) {
            return Optional.of("Wrong type of file. It is " + blob.get().mimeType() + " but it must match "
                    + mimePrefix + "*.");
        }
        if (blob.get().size() > maxBytes) {
            return Optional.of(PREFIX + at + " file too big (max " + maxBytes + " bytes)");
        }
        return Optional.empty();
    }

    /** A byte offset is a character boundary when it is the end or does not point into a continuation byte. */
    private static boolean boundary(byte[] utf8, int offset) {
        return offset == utf8.length || (utf8[offset] & 0xC0) != 0x80;
    }
}
