package org.clearpost.analytics.posts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.CampaignRef;
import org.clearpost.events.ChangesRequested;
import org.clearpost.events.ClearanceCaseOpened;
import org.clearpost.events.ClearanceOverdue;
import org.clearpost.events.ClearanceRerouted;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PostRejected;
import org.clearpost.events.PublicationFailed;
import org.clearpost.events.Target;

/** Events about one post version, as drafting, clearance and the publisher write them. */
final class Posts {

    static final CampaignRef SPRING = new CampaignRef("spring-clean", "Spring clean", null, null);

    final UUID postId = UUID.randomUUID();
    final int version;
    final List<Target> targets;
    final CampaignRef campaign;

    Posts(int version, CampaignRef campaign, Target... targets) {
        this.version = version;
        this.campaign = campaign;
        this.targets = List.of(targets);
    }

    static Posts onXAndFacebook() {
        return new Posts(1, SPRING, target(Network.X, "@council"), target(Network.FACEBOOK, "council-page"));
    }

    static Posts onX() {
        return new Posts(1, null, target(Network.X, "@council"));
    }

    static Target target(Network network, String account) {
        return new Target(UUID.randomUUID(), network, account);
    }

    /** A London wall-clock time, e.g. {@code london("2026-04-02T16:00")}. */
    static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    PostDrafted drafted(Instant at) {
        return new PostDrafted(postId, version, "hash", "drafter", "Text", targets, null, campaign, null, null, null,
                null, List.of(), at);
    }

    ClearanceCaseOpened opened(String route, UUID periodId, Instant submittedAt, Instant at) {
        return new ClearanceCaseOpened(postId, version, UUID.randomUUID(), route, "because", periodId, 0,
                at.plusSeconds(86400), submittedAt, at);
    }

    ClearanceRerouted rerouted(String from, String to, UUID periodId, Instant at) {
        return new ClearanceRerouted(postId, version, UUID.randomUUID(), from, to, "period", periodId, at);
    }

    PostCleared cleared(String route, Instant at) {
        return new PostCleared(postId, version, "hash", "drafter", route, "clearer", null, "Text", targets, null,
                campaign, null, null, null, at);
    }

    PostRejected rejected(Instant at) {
        return new PostRejected(postId, version, "hash", "clearer", "No", at);
    }

    ChangesRequested changesRequested(Instant at) {
        return new ChangesRequested(postId, version, "hash", "clearer", "Shorter", at);
    }

    ClearanceOverdue overdue(String route, Instant at) {
        return new ClearanceOverdue(postId, version, UUID.randomUUID(), route, at.minusSeconds(60), List.of("lead"),
                at);
    }

    PostPublished published(int target, Instant at) {
        Target t = targets.get(target);
        return new PostPublished(postId, version, t.targetId(), t.network(), t.account(), "ext-" + target,
                "https://example.org/" + target, false, at);
    }

    PublicationFailed failed(int target, Instant at) {
        Target t = targets.get(target);
        return new PublicationFailed(postId, version, t.targetId(), t.network(), t.account(), "Token expired", at);
    }
}
