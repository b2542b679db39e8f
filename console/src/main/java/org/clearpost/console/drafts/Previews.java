package org.clearpost.console.drafts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.clearpost.console.gateway.ServiceClient;
import org.clearpost.console.preview.TargetPreview;

/**
 * Drafting's answers laid out as network previews ({@link TargetPreview}): its preview of unsaved content
 * ({@code POST /posts/preview}: rendered texts, counters, problems and warnings per target) and a saved post
 * ({@code GET /posts/{id}}: rendered texts, each target's status and link, the post's problems and warnings). Only
 * arranges what drafting said; counts and checks nothing itself.
 */
public final class Previews {

    private Previews() {
    }

    /** Every target of drafting's preview answer, in the order the form sent them. */
    public static List<TargetPreview> ofPreview(JsonNode preview) {
        List<TargetPreview> out = new ArrayList<>();
        int index = 0;
        for (JsonNode t : preview.path("targets")) {
            List<TargetPreview.Issue> issues = new ArrayList<>();
            t.path("problems").forEach(i -> issues.add(issue(i)));
            t.path("warnings").forEach(i -> issues.add(issue(i)));
            out.add(new TargetPreview(index, t.path("network").asText(), t.path("account").asText(),
                    rendered(t, "text"), threadParts(t), rendered(t, "title"), rendered(t, "firstComment"),
                    media(t.path("media")), counter(t.path("counters"), "targets[" + index + "].text"), issues,
                    null, null));
            index++;
        }
        return out;
    }

    /**
     * Every target of a saved post, with its status and, once published, its link. (A saved post names its media by
     * id only; the post page lists them, the previews leave them out.)
     */
    public static List<TargetPreview> ofPost(JsonNode post) {
        List<TargetPreview> out = new ArrayList<>();
        int index = 0;
        for (JsonNode t : post.path("targets")) {
            String id = t.path("id").asText();
            List<TargetPreview.Issue> issues = new ArrayList<>();
            for (String list : List.of("problems", "warnings")) {
                for (JsonNode i : post.path(list)) {
                    if (id.equals(i.path("targetId").asText())) {
                        issues.add(issue(i));
                    }
                }
            }
            boolean hasRendered = t.path("rendered").isObject();
            out.add(new TargetPreview(index, t.path("network").asText(), t.path("account").asText(),
                    hasRendered ? rendered(t, "text") : t.path("text").asText(post.path("text").asText()),
                    hasRendered ? threadParts(t) : List.of(), hasRendered ? rendered(t, "title") : null,
                    hasRendered ? rendered(t, "firstComment") : null, List.of(), null, issues,
                    t.path("status").asText(null), t.path("url").asText(null)));
            index++;
        }
        return out;
    }

    /** A media file as the browser fetches it: through the console's gateway, on the console's own origin. */
    public static String mediaUrl(String mediaId) {
        return "/api/drafting" + ServiceClient.path("/media/{}/content", mediaId);
    }

    /**
     * The counter shown under a target's text: the one over its limit if any (Bluesky counts graphemes and bytes),
     * else the first; null when drafting gave none (a share, or a network without text rules).
     */
    static TargetPreview.Counter counter(JsonNode counters, String field) {
        JsonNode chosen = null;
        for (JsonNode c : counters) {
            if (field.equals(c.path("field").asText())) {
                if (chosen == null || c.path("over").asBoolean() && !chosen.path("over").asBoolean()) {
                    chosen = c;
                }
            }
        }
        return chosen == null ? null
                : new TargetPreview.Counter(chosen.path("used").asInt(), chosen.path("limit").asInt(),
                        chosen.path("unit").asText());
    }

    private static TargetPreview.Issue issue(JsonNode i) {
        return new TargetPreview.Issue(i.path("field").asText(null), i.path("code").asText(),
                i.path("severity").asText(), i.hasNonNull("start") ? i.get("start").asInt() : null,
                i.hasNonNull("end") ? i.get("end").asInt() : null, i.path("message").asText());
    }

    private static String rendered(JsonNode target, String field) {
        JsonNode value = target.path("rendered").path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private static List<String> threadParts(JsonNode target) {
        List<String> parts = new ArrayList<>();
        target.path("rendered").path("threadParts").forEach(p -> parts.add(p.asText()));
        return parts;
    }

    private static List<TargetPreview.MediaPreview> media(JsonNode media) {
        List<TargetPreview.MediaPreview> out = new ArrayList<>();
        for (JsonNode m : media) {
            out.add(new TargetPreview.MediaPreview(mediaUrl(m.path("mediaId").asText()), m.path("contentType").asText(null),
                    m.path("altText").asText(null)));
        }
        return out;
    }
}
