package org.clearpost.drafting.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.clearpost.drafting.domain.checks.CheckInput;
import org.clearpost.drafting.domain.checks.CheckMode;
import org.clearpost.drafting.domain.checks.ContentChecks;
import org.clearpost.drafting.domain.checks.Finding;
import org.clearpost.drafting.domain.rules.MediaProblem;
import org.clearpost.drafting.domain.rules.MediaRules;
import org.clearpost.drafting.domain.rules.TextMeasure;
import org.clearpost.drafting.domain.rules.TextProblem;
import org.clearpost.drafting.domain.rules.TextValidator;
import org.clearpost.events.MediaItem;
import org.clearpost.events.Network;

/**
 * Renders a post version for each of its targets and checks what each would publish: the network's text rules on
 * every text (on the rendered text, since tagging links changes lengths), its media rules, and the body's content
 * principles. Every target carries the thread parts. Each text is checked against the limit of what the publisher
 * will make of it: the post's text as a post (or, replying to a mention, as a reply), thread parts and the first
 * comment as answers to the post, which are posts in reply on X, Bluesky, Mastodon and Threads but comments with
 * a limit of their own on Facebook, LinkedIn and YouTube ({@link TextValidator#validateReply}). Shares are not
 * checked: they publish nothing of their own. Pure and thread-safe.
 */
public final class PostAssessor {

    private final TextValidator textValidator;
    private final MediaRules mediaRules;
    private final ContentChecks checks;
    private final OwnSiteLinks ownSite;

    public PostAssessor(TextValidator textValidator, MediaRules mediaRules, ContentChecks checks,
            OwnSiteLinks ownSite) {
        this.textValidator = Objects.requireNonNull(textValidator);
        this.mediaRules = Objects.requireNonNull(mediaRules);
        this.checks = Objects.requireNonNull(checks);
        this.ownSite = Objects.requireNonNull(ownSite);
    }

    /**
     * @param targetIds the id of each target, in the content's target order
     * @param media what the media library knows of a target's media ids, in the same order
     */
    public Assessment assess(PostContent content, List<UUID> targetIds,
            Function<List<UUID>, List<MediaItem>> media) {
        List<PostContent.TargetContent> targets = content.targets();
        Map<String, RenderedTarget> byAccount = new HashMap<>();
        RenderedTarget[] rendered = new RenderedTarget[targets.size()];
        List<ContentIssue> issues = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            PostContent.TargetContent target = targets.get(i);
            if (!target.isShare()) {
                rendered[i] = render(content, target, targetIds.get(i), media.apply(target.mediaIds()));
                byAccount.put(target.network() + "/" + target.account(), rendered[i]);
                check(content, i, rendered[i], issues);
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            PostContent.TargetContent target = targets.get(i);
            if (target.isShare()) {
                RenderedTarget shared = byAccount.get(target.network() + "/" + target.shares());
                rendered[i] = new RenderedTarget(targetIds.get(i), target.network(), target.account(),
                        shared.text(), shared.threadParts(), shared.title(), shared.firstComment(), shared.media(),
                        shared.targetId());
            }
        }
        return new Assessment(List.of(rendered), issues);
    }

    private RenderedTarget render(PostContent content, PostContent.TargetContent target, UUID targetId,
            List<MediaItem> media) {
        Network network = target.network();
        String base = target.text() != null ? target.text() : content.text();
        List<String> parts = content.threadParts().stream()
                .map(p -> ownSite.tag(p, network, content.campaign())).toList();
        String text = ownSite.tag(base, network, content.campaign());
        return new RenderedTarget(targetId, network, target.account(), text, parts, target.title(),
                ownSite.tag(target.firstComment(), network, content.campaign()), media, null);
    }

    /** How one text of a target is published, so checked and counted: a post, an answer to it, or a title. */
    private enum As {
        POST, ANSWER, TITLE
    }

    /** One text of a rendered target, with its field path and what it is published as. */
    private record TextField(String field, As as, String text) {
    }

    /**
     * Every text of a rendered target as the network will publish it. A reply to a mention is published as an
     * answer to the mention (a comment on Facebook), not as a post; thread parts and the first comment are answers
     * to the post; YouTube always has a title.
     */
    private static List<TextField> texts(PostContent content, int index, RenderedTarget target) {
        String at = "targets[" + index + "].";
        List<TextField> texts = new ArrayList<>();
        texts.add(new TextField(at + "text", content.replyToMentionId() == null ? As.POST : As.ANSWER,
                target.text()));
        for (int j = 0; j < target.threadParts().size(); j++) {
            texts.add(new TextField(at + "threadParts[" + j + "]", As.ANSWER, target.threadParts().get(j)));
        }
        if (target.firstComment() != null) {
            texts.add(new TextField(at + "firstComment", As.ANSWER, target.firstComment()));
        }
        if (target.title() != null || target.network() == Network.YOUTUBE) {
            texts.add(new TextField(at + "title", As.TITLE, target.title() == null ? "" : target.title()));
        }
        return texts;
    }

    /**
     * The counters of every text of every target that publishes something of its own (not shares), in target
     * order: each network's own count against its limit, by the same rules as the problems in {@code assessment}.
     */
    public List<TextCounter> counters(PostContent content, Assessment assessment) {
        List<TextCounter> counters = new ArrayList<>();
        for (int i = 0; i < content.targets().size(); i++) {
            if (content.targets().get(i).isShare()) {
                continue;
            }
            RenderedTarget target = assessment.targets().get(i);
            for (TextField text : texts(content, i, target)) {
                List<TextMeasure> measures = switch (text.as()) {
                    case POST -> textValidator.measure(target.network(), text.text());
                    case ANSWER -> textValidator.measureReply(target.network(), text.text());
                    case TITLE -> textValidator.measureTitle(target.network(), text.text());
                };
                measures.forEach(m -> counters.add(TextCounter.of(target.targetId(), text.field(), m)));
            }
        }
        return counters;
    }

    private void check(PostContent content, int index, RenderedTarget target, List<ContentIssue> issues) {
        String at = "targets[" + index + "].";
        for (TextField text : texts(content, index, target)) {
            textProblems(target, text.field(), switch (text.as()) {
                case POST -> textValidator.validate(target.network(), text.text());
                case ANSWER -> textValidator.validateReply(target.network(), text.text());
                case TITLE -> textValidator.validateTitle(target.network(), text.text());
            }, issues);
        }
        for (MediaProblem problem : mediaRules.validate(target.network(), target.media())) {
            issues.add(new ContentIssue(target.targetId(), target.network(), target.account(),
                    at + "media" + (problem.index() == null ? "" : "[" + problem.index() + "]"),
                    problem.code().name(), ContentIssue.Severity.ERROR, null, null, problem.message()));
        }
        boolean informative = content.replyToMentionId() == null && content.repostOf() == null
                && content.liveEventId() == null;
        for (Finding finding : checks.check(new CheckInput(target.network(), target.text(), target.threadParts(),
                target.firstComment(), target.media(), informative))) {
            issues.add(new ContentIssue(target.targetId(), target.network(), target.account(), at + finding.field(),
                    finding.check(), finding.mode() == CheckMode.BLOCK ? ContentIssue.Severity.ERROR
                            : ContentIssue.Severity.WARNING, finding.start(), finding.end(), finding.message()));
        }
    }

    private static void textProblems(RenderedTarget target, String field, List<TextProblem> problems,
            List<ContentIssue> issues) {
        for (TextProblem problem : problems) {
            issues.add(new ContentIssue(target.targetId(), target.network(), target.account(), field,
                    problem.code().name(), problem.isError() ? ContentIssue.Severity.ERROR
                            : ContentIssue.Severity.INFO, problem.start(), problem.end(), problem.message()));
        }
    }
}
