package org.clearpost.clearance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.CampaignRef;
import org.clearpost.events.ContentWarning;
import org.clearpost.events.ExternalPost;
import org.clearpost.events.LiveEventRef;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.Target;

/** PostDrafted events as drafting sends them: a plain post by Dana, and the variants clearance treats differently. */
public final class DraftedPostMother {

    private DraftedPostMother() {
    }

    public static PostDrafted byDana() {
        return version(UUID.randomUUID(), 1, "dana");
    }

    public static PostDrafted version(UUID postId, int version, String author) {
        return new PostDrafted(postId, version, "sha256:" + Integer.toHexString(version).repeat(64).substring(0, 64),
                author, "Our office is closed on the bank holiday. Version " + version,
                List.of(new Target(UUID.randomUUID(), Network.X, "clearpost_demo"),
                        new Target(UUID.randomUUID(), Network.FACEBOOK, "1234567890")),
                null, null, null, null, null, null, List.of(), Instant.now());
    }

    /** Essential during a pre-election period, for the reason given. */
    public static PostDrafted essential(String reason) {
        PostDrafted p = byDana();
        return new PostDrafted(p.postId(), p.version(), p.contentHash(), p.author(),
                "The helpline is closed today because of a system failure.", p.targets(), p.scheduledAt(),
                p.campaign(), p.liveEvent(), reason, p.replyTo(), p.repostOf(), p.warnings(), p.submittedAt());
    }

    /** A quick post for a live event that is on now (started an hour ago, ends in two). */
    public static PostDrafted live() {
        return live(Instant.now().minus(1, ChronoUnit.HOURS), Instant.now().plus(2, ChronoUnit.HOURS));
    }

    /** A quick post, submitted now, for a live event on from {@code startsAt} to {@code endsAt} (either may be null). */
    public static PostDrafted live(Instant startsAt, Instant endsAt) {
        PostDrafted p = byDana();
        return new PostDrafted(p.postId(), p.version(), p.contentHash(), p.author(),
                "The Commissioner is on stage now #DataConf", List.of(p.targets().get(0)), p.scheduledAt(),
                p.campaign(), new LiveEventRef(UUID.randomUUID(), "Data Protection Conference", "#DataConf",
                        startsAt, endsAt),
                p.essentialReason(), p.replyTo(), p.repostOf(), p.warnings(), p.submittedAt());
    }

    /** {@code drafted} scheduled for {@code scheduledAt}. */
    public static PostDrafted scheduled(PostDrafted p, Instant scheduledAt) {
        return new PostDrafted(p.postId(), p.version(), p.contentHash(), p.author(), p.text(), p.targets(),
                scheduledAt, p.campaign(), p.liveEvent(), p.essentialReason(), p.replyTo(), p.repostOf(),
                p.warnings(), p.submittedAt());
    }

    /** A post for a campaign that starts on {@code startsOn}. */
    public static PostDrafted forCampaign(String slug, LocalDate startsOn) {
        PostDrafted p = byDana();
        return new PostDrafted(p.postId(), p.version(), p.contentHash(), p.author(), p.text(), p.targets(),
                p.scheduledAt(), new CampaignRef(slug, "Campaign " + slug, startsOn, startsOn.plusMonths(2)),
                p.liveEvent(), p.essentialReason(), p.replyTo(), p.repostOf(), p.warnings(), p.submittedAt());
    }

    /** Reposts {@code author}'s post on X. */
    public static PostDrafted repostOf(String author) {
        PostDrafted p = byDana();
        return new PostDrafted(p.postId(), p.version(), p.contentHash(), p.author(), p.text(),
                List.of(p.targets().get(0)), p.scheduledAt(), p.campaign(), p.liveEvent(), p.essentialReason(),
                p.replyTo(), new ExternalPost(Network.X, "1790000000000000000", author,
                        "https://x.com/" + author + "/status/1790000000000000000", null),
                p.warnings(), p.submittedAt());
    }

    /** Scheduled for {@code scheduledAt}. */
    public static PostDrafted scheduledAt(Instant scheduledAt) {
        PostDrafted p = byDana();
        return new PostDrafted(p.postId(), p.version(), p.contentHash(), p.author(), p.text(), p.targets(),
                scheduledAt, p.campaign(), p.liveEvent(), p.essentialReason(), p.replyTo(), p.repostOf(),
                p.warnings(), p.submittedAt());
    }

    /** Base text {@code text}, on X only. */
    public static PostDrafted saying(String text) {
        PostDrafted p = byDana();
        return new PostDrafted(p.postId(), p.version(), p.contentHash(), p.author(), text,
                List.of(new Target(UUID.randomUUID(), Network.X, "clearpost_demo")), p.scheduledAt(), p.campaign(),
                p.liveEvent(), p.essentialReason(), p.replyTo(), p.repostOf(), p.warnings(), p.submittedAt());
    }

    /**
     * A fully rendered post: an X thread with an image (alt text), a LinkedIn variant with its own text and first
     * comment, a YouTube title, a corporate share of the X target, and drafting's warnings.
     */
    public static PostDrafted rendered() {
        PostDrafted p = byDana();
        UUID xTarget = UUID.randomUUID();
        MediaItem chart = new MediaItem(UUID.randomUUID(), MediaKind.IMAGE, "image/png", 48_213,
                "a".repeat(64), "Bar chart of complaints by month", "Complaints 2026", "https://media.example/chart.png");
        List<Target> targets = List.of(
                new Target(xTarget, Network.X, "clearpost_demo", "New figures on complaints (1/2)",
                        List.of("What this means for you (2/2)"), null, null, List.of(chart), null),
                new Target(UUID.randomUUID(), Network.LINKEDIN, "clearpost-ico",
                        "Our new complaint figures, and what organisations should learn from them.", List.of(), null,
                        "Read the full report on our website.", List.of(chart), null),
                new Target(UUID.randomUUID(), Network.YOUTUBE, "clearpostico", "Complaint figures explained",
                        List.of(), "Complaint figures 2026", null, List.of(), null),
                new Target(UUID.randomUUID(), Network.X, "clearpost_corporate", null, List.of(), null, null,
                        List.of(), xTarget));
        return new PostDrafted(p.postId(), p.version(), p.contentHash(), p.author(), "New figures on complaints",
                targets, p.scheduledAt(), p.campaign(), p.liveEvent(), p.essentialReason(), p.replyTo(), p.repostOf(),
                List.of(new ContentWarning(null, "reading-ease", "Reading ease 48: aim for 60 or more")),
                p.submittedAt());
    }
}
