package org.clearpost.clearance.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.clearance.domain.CaseStatus;
import org.clearpost.clearance.domain.ClearanceCase;
import org.clearpost.clearance.domain.StepTaken;
import org.clearpost.clearance.impartiality.Flag;
import org.clearpost.clearance.routing.Route;
import org.clearpost.clearance.routing.RouteStep;
import org.clearpost.events.CampaignRef;
import org.clearpost.events.ContentWarning;
import org.clearpost.events.ExternalPost;
import org.clearpost.events.LiveEventRef;
import org.clearpost.events.MediaItem;
import org.clearpost.events.Network;
import org.clearpost.events.Target;

/**
 * A clearance case as the clearer sees it: the post exactly as each network will get it, what drafting warned about,
 * what the impartiality and purdah checks flagged, and where the case is on its route.
 */
public record CaseView(UUID id, UUID postId, int version, String contentHash, String author, String text,
        List<TargetView> targets, Instant scheduledAt, Instant submittedAt, CaseStatus status, String decidedBy,
        String decisionComment, Instant decidedAt, CampaignRef campaign, LiveEventRef liveEvent,
        String essentialReason, ExternalPost replyTo, ExternalPost repostOf, List<ContentWarning> warnings,
        List<Flag> flags, RouteView route, Instant dueAt, boolean overdue, Instant overdueAt) {

    /** One target with its text as rendered for the network (the base text where it has no text of its own). */
    public record TargetView(UUID targetId, Network network, String account, String text, List<String> threadParts,
            String title, String firstComment, List<MediaItem> media, UUID sharesTargetId) {

        static TargetView of(Target target, String baseText) {
            return new TargetView(target.targetId(), target.network(), target.account(), target.textOr(baseText),
                    target.threadParts(), target.title(), target.firstComment(), target.media(),
                    target.sharesTargetId());
        }
    }

    /** The route, why it was chosen, the steps taken and those still to take. */
    public record RouteView(String name, String reason, List<StepTaken> stepsTaken, List<RouteStep> remainingSteps) {
    }

    static CaseView of(ClearanceCase c, Route route) {
        var d = c.drafted;
        return new CaseView(c.id, c.postId, c.version, c.contentHash, c.author, c.text,
                c.targets.stream().map(t -> TargetView.of(t, c.text)).toList(), c.scheduledAt, c.submittedAt,
                c.status, c.decidedBy, c.decisionComment, c.decidedAt,
                d == null ? null : d.campaign(), d == null ? null : d.liveEvent(),
                d == null ? null : d.essentialReason(), d == null ? null : d.replyTo(),
                d == null ? null : d.repostOf(), d == null ? List.of() : d.warnings(), c.flags,
                new RouteView(c.route, c.routeReason, c.stepsTaken, c.remainingSteps(route)), c.dueAt, c.overdue(),
                c.overdueAt);
    }
}
