package org.clearpost.drafting.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.drafting.campaign.Campaign;
import org.clearpost.drafting.campaign.Campaigns;
import org.clearpost.drafting.campaign.LiveEvent;
import org.clearpost.drafting.campaign.LiveEvents;
import org.clearpost.drafting.media.MediaLibrary;
import org.clearpost.drafting.mention.KnownMentions;
import org.clearpost.events.AccountRef;
import org.clearpost.events.CampaignRef;
import org.clearpost.events.ChangesRequested;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.ContentWarning;
import org.clearpost.events.ExternalPost;
import org.clearpost.events.LiveEventRef;
import org.clearpost.events.MediaItem;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PostRejected;
import org.clearpost.events.PublicationFailed;
import org.clearpost.support.outbox.Outbox;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.time.LondonTime;
import org.jboss.logging.Logger;

/** Drafting's use cases. Every change of a post and the event telling others about it commit together. */
@ApplicationScoped
public class PostService {

    private static final Logger LOG = Logger.getLogger(PostService.class);

    private final Outbox outbox;
    private final Clock clock;
    private final PostAssessor assessor;
    private final MediaLibrary mediaLibrary;
    private final Campaigns campaigns;
    private final LiveEvents liveEvents;
    private final KnownMentions mentions;

    public PostService(Outbox outbox, Clock clock, PostAssessor assessor, MediaLibrary mediaLibrary,
            Campaigns campaigns, LiveEvents liveEvents, KnownMentions mentions) {
        this.outbox = outbox;
        this.clock = clock;
        this.assessor = assessor;
        this.mediaLibrary = mediaLibrary;
        this.campaigns = campaigns;
        this.liveEvents = liveEvents;
        this.mentions = mentions;
    }

    /** A post with what each target would publish and every problem and warning in it. */
    public record Assessed(Post post, Assessment assessment) {
    }

    @Transactional
    public Assessed draft(String author, PostContent content) {
        Instant now = clock.instant();
        requireFuture(content.scheduledAt(), now);
        requireReferences(content);
        Post post = Post.draft(author, content, now);
        post.persist();
        PostVersion.of(post, content, author).persist();
        return new Assessed(post, assess(post));
    }

    /** A new version; if the old one was in clearance or cleared, its withdrawal goes out in the same transaction. */
    @Transactional
    public Assessed revise(UUID id, String by, PostContent content) {
        Instant now = clock.instant();
        requireFuture(content.scheduledAt(), now);
        requireReferences(content);
        Post post = find(id);
        post.revise(content, by, now).ifPresent(outbox::append);
        PostVersion.of(post, content, by).persist();
        return new Assessed(post, assess(post));
    }

    /** Content assessed as it would be saved, with each text's counter: nothing is stored. */
    public record Previewed(PostContent content, Assessment assessment, List<TextCounter> counters) {
    }

    /**
     * What saving {@code content} would make of it, without saving anything: the same checks of the time and of
     * what it names as {@link #draft} (a 400 naming the field), then each target rendered and assessed, and each
     * text counted, by the same rules as a saved post. Its targets have fresh ids that name nothing stored.
     */
    @Transactional
    public Previewed preview(PostContent content) {
        requireFuture(content.scheduledAt(), clock.instant());
        requireReferences(content);
        List<UUID> targetIds = content.targets().stream().map(t -> UUID.randomUUID()).toList();
        Assessment assessment = assessor.assess(content, targetIds, this::media);
        return new Previewed(content, assessment, assessor.counters(content, assessment));
    }

    /** Sends the current version to clearance, unless it has a problem that stops it: then every one is listed. */
    @Transactional
    public Assessed submit(UUID id) {
        Instant now = clock.instant();
        Post post = find(id);
        post.submit(now);
        requireFuture(post.scheduledAt, now);
        requireReferences(post.content());
        Assessment assessment = assess(post);
        if (assessment.hasErrors()) {
            throw new ContentRejected(assessment.issues().stream().filter(ContentIssue::isError).toList());
        }
        outbox.append(drafted(post, assessment, now));
        return new Assessed(post, assessment);
    }

    /**
     * The reply a monitor asked for from monitoring's inbox (MentionReplyRequested): a post with the reply's id, owned
     * by the monitor, submitted to clearance at once, since the monitor chose to answer and clearance's two-person
     * rule still applies. A reply already drafted is left as it is (a request read twice). One whose text breaks a
     * network rule stays a draft for its owner to fix and submit; monitoring sees it as requested until then.
     *
     * @return the reply's post, or empty if it existed already
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Assessed> draftReply(UUID replyId, String author, PostContent content) {
        if (Post.findById(replyId) != null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        requireReferences(content);
        Post post = Post.draft(replyId, author, content, now);
        post.persist();
        PostVersion.of(post, content, author).persist();
        Assessment assessment = assess(post);
        if (assessment.hasErrors()) {
            LOG.warnf("Reply %s stays a draft for %s: %s", replyId, author, assessment.issues());
            return Optional.of(new Assessed(post, assessment));
        }
        post.submit(now);
        outbox.append(drafted(post, assessment, now));
        return Optional.of(new Assessed(post, assessment));
    }

    @Transactional
    public Post withdraw(UUID id, String by) {
        Post post = find(id);
        post.withdraw(by, clock.instant()).ifPresent(outbox::append);
        return post;
    }

    @Transactional
    public Post find(UUID id) {
        Post post = Post.findById(id);
        if (post == null) {
            throw ProblemException.notFound("Post", id);
        }
        return post;
    }

    @Transactional
    public Assessed view(UUID id) {
        Post post = find(id);
        return new Assessed(post, assess(post));
    }

    @Transactional
    public List<PostVersion> versions(UUID id) {
        find(id);
        return PostVersion.list("postId = ?1 order by version", id);
    }

    @Transactional
    public PostVersion version(UUID id, int version) {
        find(id);
        PostVersion found = PostVersion.find("postId = ?1 and version = ?2", id, version).firstResult();
        if (found == null) {
            throw ProblemException.notFound("Version " + version + " of post", id);
        }
        return found;
    }

    /**
     * One page of the posts matching every filter given, with the total. All filters, status included, run in the
     * database before paging, so a page is always full while there are more matches.
     */
    @Transactional
    public PostPage list(PostQuery query) {
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder(" from Post p where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (query.status() == PostStatus.SCHEDULED || query.status() == PostStatus.CLEARED) {
            // SCHEDULED is a cleared post whose time is still ahead: a matter of the clock, so decided here.
            where.append(" and p.status = :status and ").append(query.status() == PostStatus.SCHEDULED
                    ? "p.scheduledAt > :now" : "(p.scheduledAt is null or p.scheduledAt <= :now)");
            parameters.put("status", PostStatus.CLEARED);
            parameters.put("now", now);
        } else if (query.status() != null) {
            where.append(" and p.status = :status");
            parameters.put("status", query.status());
        }
        if (query.campaign() != null) {
            where.append(" and p.campaign = :campaign");
            parameters.put("campaign", query.campaign());
        }
        if (query.author() != null) {
            where.append(" and p.author = :author");
            parameters.put("author", query.author());
        }
        if (query.account() != null || query.network() != null) {
            where.append(" and exists (select 1 from PostTarget t where t.post = p");
            if (query.account() != null) {
                where.append(" and t.account = :account");
                parameters.put("account", query.account());
            }
            if (query.network() != null) {
                where.append(" and t.network = :network");
                parameters.put("network", query.network());
            }
            where.append(")");
        }
        if (query.scheduledFrom() != null) {
            where.append(" and p.scheduledAt >= :from");
            parameters.put("from", query.scheduledFrom());
        }
        if (query.scheduledTo() != null) {
            where.append(" and p.scheduledAt < :to");
            parameters.put("to", query.scheduledTo());
        }
        if (query.text() != null) {
            where.append(" and (lower(p.text) like :text escape '\\' or exists (select 1 from PostTarget tt"
                    + " where tt.post = p and lower(tt.text) like :text escape '\\'))");
            parameters.put("text", "%" + query.text().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (!PostQuery.SORTABLE.contains(query.sort())) {
            throw new IllegalArgumentException("not sortable: " + query.sort());
        }
        var em = Post.getEntityManager();
        TypedQuery<Long> count = em.createQuery("select count(p)" + where, Long.class);
        TypedQuery<Post> page = em.createQuery("select p" + where + " order by p." + query.sort()
                + (query.ascending() ? " asc" : " desc") + " nulls last, p.id", Post.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            page.setParameter(name, value);
        });
        page.setFirstResult(query.page() * query.size());
        page.setMaxResults(query.size());
        return new PostPage(page.getResultList(), count.getSingleResult());
    }

    /*
     * What clearance and the publisher report about a post, one method per event so the consumer's handler table
     * names each (PostOutcomeConsumer). Events about a post this service does not know change nothing: the topics
     * carry every post clearance and the publisher saw, such as those of another environment's tests.
     */

    @Transactional(Transactional.TxType.MANDATORY)
    public void cleared(PostCleared cleared) {
        known(cleared).ifPresent(post -> post.decided(cleared.version(), true, cleared.clearedBy(),
                cleared.comment()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void rejected(PostRejected rejected) {
        known(rejected).ifPresent(post -> post.decided(rejected.version(), false, rejected.rejectedBy(),
                rejected.comment()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changesRequested(ChangesRequested requested) {
        known(requested).ifPresent(post -> post.changesRequested(requested.version(), requested.requestedBy(),
                requested.comment()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(PostPublished published) {
        known(published).ifPresent(post -> post.targetPublished(published.version(), published.targetId(),
                published.externalId(), published.url()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(PublicationFailed failed) {
        known(failed).ifPresent(post -> post.targetFailed(failed.version(), failed.targetId(), failed.reason()));
    }

    private static Optional<Post> known(ClearpostEvent aboutAPost) {
        return Post.<Post>findByIdOptional(UUID.fromString(aboutAPost.aggregateId()));
    }

    private Assessment assess(Post post) {
        return assessor.assess(post.content(), post.targets.stream().map(t -> t.id).toList(), this::media);
    }

    private List<MediaItem> media(List<UUID> mediaIds) {
        return mediaIds.isEmpty() ? List.of() : mediaLibrary.describe(mediaIds);
    }

    /** Every campaign, live event, mention and media file the content names exists; else a 400 naming each field. */
    private void requireReferences(PostContent content) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (content.campaign() != null) {
            campaigns.find(content.campaign()).ifPresentOrElse(campaign -> requireShareAccounts(content, campaign,
                    violations), () -> violations.add(new Problem.Violation("campaign", "there is no campaign '"
                            + content.campaign() + "'")));
        }
        if (content.liveEventId() != null && liveEvents.find(content.liveEventId()).isEmpty()) {
            violations.add(new Problem.Violation("liveEventId", "there is no live event " + content.liveEventId()));
        }
        if (content.replyToMentionId() != null && mentions.find(content.replyToMentionId()).isEmpty()) {
            violations.add(new Problem.Violation("replyToMentionId", "monitoring has reported no mention "
                    + content.replyToMentionId()));
        }
        for (int i = 0; i < content.targets().size(); i++) {
            List<UUID> mediaIds = content.targets().get(i).mediaIds();
            try {
                media(mediaIds);
            } catch (ProblemException unknown) {
                String at = "targets[" + i + "].";
                // The library names positions "media[n]"; in a post they are the target's mediaIds[n].
                unknown.problem().violations().forEach(v -> violations.add(new Problem.Violation(
                        at + v.field().replace("media[", "mediaIds["), v.message())));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The post names " + violations.size() + " thing(s) that do not exist",
                    violations);
        }
    }

    /** In a campaign post, only the campaign's corporate share accounts share another target's publication. */
    private static void requireShareAccounts(PostContent content, Campaign campaign,
            List<Problem.Violation> violations) {
        List<AccountRef> shareAccounts = campaign.shareAccounts();
        for (int i = 0; i < content.targets().size(); i++) {
            PostContent.TargetContent target = content.targets().get(i);
            if (target.isShare() && !shareAccounts.contains(new AccountRef(target.network(), target.account()))) {
                violations.add(new Problem.Violation("targets[" + i + "].shares", target.network() + " account "
                        + target.account() + " is not one of campaign " + campaign.slug + "'s share accounts "
                        + shareAccounts));
            }
        }
    }

    private PostDrafted drafted(Post post, Assessment assessment, Instant now) {
        List<ContentWarning> warnings = new ArrayList<>();
        assessment.warnings().forEach(w -> warnings.add(new ContentWarning(w.targetId(), w.code(), w.message())));
        PostContent.Repost repost = post.repostOf;
        ExternalPost repostOf = repost == null ? null
                : new ExternalPost(repost.network(), repost.externalId(), repost.author(), repost.url(), null);
        CampaignRef campaign = post.campaign == null ? null
                : campaigns.find(post.campaign).map(Campaign::ref).orElseThrow();
        // With the event's times, so clearance can tell whether the event is on when the post goes out.
        LiveEventRef liveEvent = post.liveEventId == null ? null
                : liveEvents.find(post.liveEventId)
                        .map(e -> new LiveEventRef(e.id, e.name, e.hashtag, e.startsAt, e.endsAt)).orElseThrow();
        ExternalPost replyTo = post.replyToMentionId == null ? null
                : mentions.find(post.replyToMentionId).orElseThrow();
        return new PostDrafted(post.id, post.version, post.contentHash, post.author, post.text,
                assessment.targets().stream().map(RenderedTarget::toEvent).toList(), post.scheduledAt, campaign,
                liveEvent, post.essentialReason, replyTo, repostOf, warnings, now);
    }

    private static void requireFuture(Instant scheduledAt, Instant now) {
        if (scheduledAt != null && !scheduledAt.isAfter(now)) {
            throw ProblemException.badRequest("The publication time has passed", List.of(new Problem.Violation(
                    "scheduledFor", LondonTime.toLocal(scheduledAt) + " London time is in the past; choose a later "
                            + "time or none to publish once cleared")));
        }
    }
}
