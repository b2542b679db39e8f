package org.clearpost.console.drafts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.clearpost.console.preview.TargetPreview;

/** One post as its page shows it: the summary, each target as its network shows it with status and link, versions. */
public record PostPage(String id, String status, String author, int version, String campaign, String scheduled,
        String updated, String decidedBy, String decisionComment, int mediaCount, List<TargetPreview> targets,
        List<Version> versions) {

    /** One saved version of the post. */
    public record Version(int number, String createdBy, String createdAt, String contentHash) {
    }

    static PostPage of(JsonNode post, JsonNode versions) {
        List<Version> shown = new ArrayList<>();
        for (JsonNode v : versions) {
            shown.add(new Version(v.path("version").asInt(), v.path("createdBy").asText(),
                    London.format(java.time.Instant.parse(v.path("createdAt").asText())),
                    v.path("contentHash").asText()));
        }
        java.util.Set<String> media = new java.util.HashSet<>();
        post.path("targets").forEach(t -> t.path("mediaIds").forEach(m -> media.add(m.asText())));
        return new PostPage(post.path("id").asText(), post.path("status").asText(), post.path("author").asText(),
                post.path("version").asInt(), post.path("campaign").asText(null),
                post.hasNonNull("scheduledFor") ? London.formatLocal(post.get("scheduledFor").asText()) : null,
                post.hasNonNull("updatedAt") ? London.format(java.time.Instant.parse(post.get("updatedAt").asText()))
                        : null,
                post.path("decidedBy").asText(null), post.path("decisionComment").asText(null), media.size(),
                Previews.ofPost(post), List.copyOf(shown));
    }

    public String statusLabel() {
        return StatusTag.label(status);
    }

    public String statusClass() {
        return StatusTag.cssClass(status);
    }

    /** Drafting lets a post change until any target is published or failed. */
    public boolean isEditable() {
        return targets.stream().noneMatch(t -> "PUBLISHED".equals(t.status()) || "FAILED".equals(t.status()));
    }

    /** Only a draft goes to clearance; one sent back or withdrawn is edited first. */
    public boolean isSubmittable() {
        return "DRAFT".equals(status);
    }

    public String tagClass(String targetStatus) {
        return StatusTag.cssClass(targetStatus);
    }

    public String tagLabel(String targetStatus) {
        return StatusTag.label(targetStatus);
    }
}
