package org.clearpost.console.clearance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.clearpost.console.gateway.ServiceClient;
import org.clearpost.console.preview.TargetPreview;

/**
 * Every target of a case as its network will show it. The words are clearance's copy of the version submitted (what
 * will be published if approved); drafting's assessment of the same version adds each problem and warning at its
 * position, and each target's status and link once published. When drafting's post has moved on to a newer version
 * (or cannot be read), its positions would point into other words, so only clearance's own warnings are shown.
 */
final class CasePreviews {

    private CasePreviews() {
    }

    /** @param post drafting's post, or null when it could not be read */
    static List<TargetPreview> of(ClearanceCase c, DraftedPost post) {
        boolean sameVersion = post != null && post.version() == c.version();
        List<TargetPreview> previews = new ArrayList<>();
        for (int i = 0; i < c.targets().size(); i++) {
            ClearanceCase.Target target = c.targets().get(i);
            int index = i;
            DraftedPost.Target drafted = null;
            if (post != null) {
                for (int j = 0; j < post.targets().size(); j++) {
                    if (Objects.equals(post.targets().get(j).id(), target.targetId())) {
                        drafted = post.targets().get(j);
                        index = j; // drafting's field paths (targets[j].text) count its own targets
                    }
                }
            }
            List<TargetPreview.Issue> issues = sameVersion ? draftingIssues(post, target.targetId())
                    : caseWarnings(c, target.targetId());
            previews.add(new TargetPreview(index, upper(target.network()), target.account(), target.text(),
                    target.threadParts(), target.title(), target.firstComment(), media(target), null, issues,
                    drafted == null ? null : drafted.status(), drafted == null ? null : drafted.url()));
        }
        return previews;
    }

    /**
     * Drafting's problems and warnings for one target, errors first. INFO notes are for the drafter only (drafting's
     * own rule), so the clearer does not see them.
     */
    private static List<TargetPreview.Issue> draftingIssues(DraftedPost post, UUID targetId) {
        return Stream.concat(post.problems().stream(), post.warnings().stream())
                .filter(i -> Objects.equals(i.targetId(), targetId))
                .filter(i -> "ERROR".equals(i.severity()) || "WARNING".equals(i.severity()))
                .map(i -> new TargetPreview.Issue(i.field(), i.code(), i.severity(), i.start(), i.end(), i.message()))
                .toList();
    }

    /** Clearance's copy of the warnings sent with the version: no positions, but the same checks and words. */
    private static List<TargetPreview.Issue> caseWarnings(ClearanceCase c, UUID targetId) {
        return c.warnings().stream().filter(w -> w.targetId() != null && w.targetId().equals(targetId))
                .map(w -> new TargetPreview.Issue(null, w.check(), "WARNING", null, null, w.message())).toList();
    }

    /** Media from drafting's store through the console's gateway: the browser may only load from this origin. */
    private static List<TargetPreview.MediaPreview> media(ClearanceCase.Target target) {
        if (target.media() == null) {
            return List.of();
        }
        return target.media().stream().map(m -> new TargetPreview.MediaPreview(
                "/api/drafting" + ServiceClient.path("/media/{}/content", m.mediaId()), m.contentType(),
                m.altText())).toList();
    }

    private static String upper(String network) {
        return network == null ? "" : network.toUpperCase(Locale.ROOT);
    }
}
