package org.clearpost.sandbox.linkedin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearpost.sandbox.domain.HeldMedia;
import org.clearpost.sandbox.domain.HeldPost;

/** Held posts and comments as LinkedIn's versioned API shows them. */
final class LinkedInViews {

    private LinkedInViews() {
    }

    /** A post as {@code GET /rest/posts} lists it; {@code commentary} is the little text LinkedIn stores. */
    static Map<String, Object> post(HeldPost post) {
        long at = post.receivedAt().toEpochMilli();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", post.id());
        view.put("author", post.account());
        view.put("commentary", LittleText.escaped(post.text()));
        view.put("visibility", "PUBLIC");
        view.put("distribution", Map.of("feedDistribution", "MAIN_FEED", "targetEntities", List.of(),
                "thirdPartyDistributionChannels", List.of()));
        view.put("lifecycleState", "PUBLISHED");
        view.put("isReshareDisabledByAuthor", false);
        if (post.repostOf() != null) {
            view.put("reshareContext", Map.of("parent", post.repostOf(), "root", post.repostOf()));
        }
        view.put("createdAt", at);
        view.put("publishedAt", at);
        view.put("lastModifiedAt", at);
        List<HeldMedia> media = post.media();
        if (media.size() == 1) {
            view.put("content", Map.of("media", image(media.get(0))));
        } else if (media.size() > 1) {
            view.put("content", Map.of("multiImage", Map.of("images", media.stream()
                    .map(LinkedInViews::image).toList())));
        }
        return view;
    }

    /** A comment as the Comments API answers it. */
    static Map<String, Object> comment(HeldPost comment) {
        String urn = comment.id();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", urn.substring(urn.lastIndexOf(',') + 1, urn.length() - 1));
        view.put("commentUrn", urn);
        view.put("$URN", urn);
        view.put("actor", comment.account());
        view.put("object", comment.inReplyTo());
        if (comment.quoteOf() != null) {
            view.put("parentComment", comment.quoteOf());
        }
        view.put("message", Map.of("text", LittleText.escaped(comment.text())));
        long at = comment.receivedAt().toEpochMilli();
        view.put("created", Map.of("actor", comment.account(), "time", at));
        view.put("lastModified", Map.of("actor", comment.account(), "time", at));
        return view;
    }

    static Map<String, Object> page(List<Map<String, Object>> elements, int start, int count, int total) {
        return Map.of("paging", Map.of("start", start, "count", count, "links", List.of(), "total", total),
                "elements", elements);
    }

    private static Map<String, Object> image(HeldMedia media) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", media.mediaId());
        if (media.altText() != null) {
            view.put("altText", media.altText());
        }
        return view;
    }
}
