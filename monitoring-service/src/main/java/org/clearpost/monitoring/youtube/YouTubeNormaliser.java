package org.clearpost.monitoring.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.intake.MentionNormaliser;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.UnparseableItemException;

/**
 * A YouTube {@code commentThread} as one mention: its top-level comment (replies are not read by the intake). The
 * external id is the thread id (the top-level comment's id, unchanged by edits); the text is {@code textOriginal}
 * (what the author typed; {@code textDisplay} is HTML); YouTube marks neither hashtags nor mentions, so both are
 * taken from the text. The account is the body's channel the comment was made on.
 */
@ApplicationScoped
public class YouTubeNormaliser implements MentionNormaliser {

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#([\\p{L}\\p{N}_]+)");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}_.])@([\\p{L}\\p{N}_.\\-]{3,30})");

    private final ObjectMapper mapper;

    YouTubeNormaliser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Network network() {
        return Network.YOUTUBE;
    }

    @Override
    public List<NormalisedMention> normalise(RawItem item) throws UnparseableItemException {
        JsonNode root;
        try {
            root = mapper.readTree(item.payload());
        } catch (IOException | RuntimeException e) {
            throw new UnparseableItemException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new UnparseableItemException("not a JSON object");
        }
        JsonNode comment = root.path("snippet").path("topLevelComment");
        JsonNode snippet = comment.path("snippet");
        String id = text(root, "id") != null ? text(root, "id") : text(comment, "id");
        if (id == null || !snippet.isObject()) {
            throw new UnparseableItemException("comment thread without an id or a topLevelComment.snippet");
        }
        String published = text(snippet, "publishedAt");
        Instant at;
        try {
            at = published == null ? item.deliveredAt() : OffsetDateTime.parse(published).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnparseableItemException("publishedAt is not an RFC 3339 time: " + published);
        }
        String text = text(snippet, "textOriginal");
        if (text == null) {
            text = Html.toPlain(text(snippet, "textDisplay"));
        }
        String video = text(snippet, "videoId") != null ? text(snippet, "videoId") : text(root.path("snippet"), "videoId");
        String commentId = text(comment, "id") != null ? text(comment, "id") : id;
        String url = video == null ? null : "https://www.youtube.com/watch?v=" + URLEncoder.encode(video, StandardCharsets.UTF_8)
                + "&lc=" + URLEncoder.encode(commentId, StandardCharsets.UTF_8);
        String displayName = text(snippet, "authorDisplayName");
        String handle = displayName != null && displayName.startsWith("@") ? displayName.substring(1) : null;
        String account = item.account() != null ? item.account() : text(root.path("snippet"), "channelId");
        return List.of(new NormalisedMention(Network.YOUTUBE, id, List.of(), account,
                text(snippet.path("authorChannelId"), "value"), handle, displayName, text, url, null,
                all(HASHTAG, text), all(HANDLE, text), at, item.deliveredAt()));
    }

    private static List<String> all(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text == null ? "" : text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return new ArrayList<>(found);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }
}
