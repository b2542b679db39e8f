package org.clearpost.drafting.rest;

import java.util.List;
import java.util.UUID;
import org.clearpost.drafting.domain.ContentIssue;
import org.clearpost.drafting.domain.PostContent;
import org.clearpost.drafting.domain.PostService;
import org.clearpost.drafting.domain.RenderedTarget;
import org.clearpost.drafting.domain.TextCounter;
import org.clearpost.events.MediaItem;
import org.clearpost.events.Network;

/**
 * A post assessed but not saved ({@code POST /posts/preview}): each target as it would publish, with its problems,
 * warnings and counters, and the whole post's problems and warnings as {@link PostView} lists them.
 *
 * @param submittable no target has an {@code ERROR}: saved as it is, it could be submitted
 */
public record PreviewView(List<TargetPreview> targets, List<ContentIssue> problems, List<ContentIssue> warnings,
        boolean submittable) {

    /**
     * One target: {@code id} is made up for this preview (issues and counters name it) and names nothing stored.
     * {@code shares} is the account whose publication a share shares; a share has no counters or issues of its own.
     */
    public record TargetPreview(UUID id, Network network, String account, String shares,
            PostView.Rendered rendered, List<MediaItem> media, List<TextCounter> counters,
            List<ContentIssue> problems, List<ContentIssue> warnings) {
    }

    static PreviewView of(PostService.Previewed previewed) {
        List<PostContent.TargetContent> content = previewed.content().targets();
        List<ContentIssue> problems = previewed.assessment().problems();
        List<ContentIssue> warnings = previewed.assessment().warnings();
        List<TargetPreview> targets = new java.util.ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            RenderedTarget r = previewed.assessment().targets().get(i);
            UUID id = r.targetId();
            targets.add(new TargetPreview(id, r.network(), r.account(), content.get(i).shares(),
                    new PostView.Rendered(r.text(), r.threadParts(), r.title(), r.firstComment()), r.media(),
                    previewed.counters().stream().filter(c -> c.targetId().equals(id)).toList(),
                    problems.stream().filter(p -> p.targetId().equals(id)).toList(),
                    warnings.stream().filter(w -> w.targetId().equals(id)).toList()));
        }
        return new PreviewView(targets, problems, warnings, !previewed.assessment().hasErrors());
    }
}
