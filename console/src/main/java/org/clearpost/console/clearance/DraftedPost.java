package org.clearpost.console.clearance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/**
 * The post as drafting's {@code GET /posts/{id}} gives it (its {@code PostView}), reduced to what the case view adds
 * to clearance's copy: each target's rendering, status and link, and drafting's own problems and warnings with
 * their positions in the rendered text.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DraftedPost(UUID id, int version, String status, List<Target> targets, List<Issue> problems,
        List<Issue> warnings) {

    public DraftedPost {
        targets = targets == null ? List.of() : List.copyOf(targets);
        problems = problems == null ? List.of() : List.copyOf(problems);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(UUID id, String network, String account, String status, String url, Rendered rendered) {
    }

    /** What the target will publish, own-site links tagged. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rendered(String text, List<String> threadParts, String title, String firstComment) {
    }

    /** One of drafting's findings; {@code start}/{@code end} index the rendered text of {@code field}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Issue(UUID targetId, String field, String code, String severity, Integer start, Integer end,
            String message) {
    }
}
