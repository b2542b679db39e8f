package org.clearpost.publisher.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PostVersionWithdrawn;
import org.clearpost.events.Target;
import org.clearpost.publisher.config.PublisherConfig;
import org.clearpost.publisher.network.Connectors;
import org.clearpost.publisher.network.NetworkConnector;
import org.clearpost.publisher.network.PublishRequest;
import org.clearpost.publisher.network.PublishResult;
import org.clearpost.publisher.tokens.TokenDecryptionException;
import org.clearpost.support.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * The publication ledger. Each step of a publication reaches its network at most once: it is claimed (PUBLISHING,
 * committed) before the call, and only a result that says the network did not publish puts it back to PENDING for
 * another publish call. A call whose outcome is unknown (a lost answer, a timeout, a crash mid-call) puts it back to
 * PENDING marked reconciling: its next claim asks the network what became of that call
 * ({@link NetworkConnector#reconcile}, same step key and step memory) and publishes again only once the network
 * said it certainly is not there. An unknown outcome is never a reason to fail; only the network's no is. Every final
 * state commits with its PostPublished or PublicationFailed event. Rate budgets ({@link RateBudgets}) are checked at
 * claim time: a publication whose budget is spent is put off, with the reason, rather than claimed.
 */
@ApplicationScoped
public class PublicationLedger {

    private static final Logger LOG = Logger.getLogger(PublicationLedger.class);

    /** Why a publication waits when the instance that was calling the network stopped during the call. */
    public static final String INTERRUPTED = PublishResult.outcomeUnknown("the service stopped during the call");

    // A version drafting already withdrew is recorded WITHDRAWN: its clearance came by another topic, later.
    private static final String INSERT = """
            INSERT INTO publication (id, post_id, version, target_id, network, account, content_hash, text, status,
                                     due_at, attempts, created_at, updated_at, content, shares_target_id, late,
                                     failure_reason)
            SELECT :id, :postId, :version, :targetId, :network, :account, :contentHash, :text,
                   CASE WHEN w.post_id IS NULL THEN 'PENDING' ELSE 'WITHDRAWN' END,
                   :dueAt, 0, :now, :now, :content, CAST(:sharesTargetId AS UUID), :late,
                   CASE WHEN w.post_id IS NULL THEN NULL
                        ELSE 'withdrawn by ' || w.withdrawn_by || ' (' || w.reason || ') before it was published' END
            FROM (SELECT 1) AS one
            LEFT JOIN withdrawn_version w ON w.post_id = :postId AND w.version = :version
            ON CONFLICT (post_id, version, target_id) DO NOTHING""";

    // Clearances and withdrawals of one post come by two topics and may be handled at the same moment; each takes
    // this lock first, so neither misses the other's uncommitted rows.
    private static final String LOCK_POST = "SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) AS locked";

    private static final String WITHDRAW_VERSION = """
            INSERT INTO withdrawn_version (post_id, version, withdrawn_by, reason, withdrawn_at)
            VALUES (:postId, :version, :by, :reason, :at)
            ON CONFLICT (post_id, version) DO NOTHING""";

    // Only PENDING and HELD rows (HELD: waiting for its account to be connected again): a call under way (PUBLISHING)
    // finishes and is recorded, and PUBLISHED stays. A row whose claim holds its lock is waited for and, PUBLISHING
    // by then, left alone.
    private static final String WITHDRAW_PENDING = """
            UPDATE publication SET status = 'WITHDRAWN', updated_at = :now,
                   failure_reason = 'withdrawn by ' || :by || ' (' || :reason || ') '
                       || CASE WHEN steps_done = 0 THEN 'before it was published'
                               ELSE 'after ' || steps_done || ' of its calls had gone out: the post is live at ' || url
                          END
            WHERE post_id = :postId AND version = :version AND status IN ('PENDING', 'HELD')""";

    // One row, oldest due first, skipping rows another worker holds and accounts a network asked us to leave alone,
    // and shares whose shared target is not settled yet (a missing one is claimed, to fail);
    // none at all while publishing is suspended (emergency stop), so held rows stay PENDING and no network is called.
    private static final String NEXT_DUE = """
            SELECT p.* FROM publication p
            WHERE p.status = 'PENDING' AND p.due_at <= :now
              AND (p.shares_target_id IS NULL
                   OR NOT EXISTS (SELECT 1 FROM publication s WHERE s.post_id = p.post_id AND s.version = p.version
                                    AND s.target_id = p.shares_target_id
                                    AND s.status NOT IN ('PUBLISHED', 'FAILED', 'WITHDRAWN')))
              AND NOT EXISTS (SELECT 1 FROM publishing_suspension s WHERE s.resumed_at IS NULL)
              AND NOT EXISTS (SELECT 1 FROM account_pause a
                              WHERE a.network = p.network AND a.account = p.account AND a.paused_until > :now)
            ORDER BY p.due_at
            LIMIT 1
            FOR UPDATE OF p SKIP LOCKED""";

    private static final String INTERRUPTED_CALLS = """
            SELECT * FROM publication WHERE status = 'PUBLISHING' AND claimed_at < :claimedBefore
            FOR UPDATE SKIP LOCKED""";

    private static final String RENEW_CLAIM = """
            UPDATE publication SET claimed_at = :now WHERE id = :id AND status = 'PUBLISHING'""";

    private static final String PAUSE = """
            INSERT INTO account_pause (network, account, paused_until) VALUES (:network, :account, :until)
            ON CONFLICT (network, account) DO UPDATE SET paused_until = EXCLUDED.paused_until""";

    // The account's waiting posts show why they wait and when they go (reconciling ones keep their own reason).
    private static final String SHOW_PAUSE = """
            UPDATE publication SET due_at = :until, wait_reason = :reason
            WHERE network = :network AND account = :account AND status = 'PENDING' AND NOT reconciling
              AND due_at < :until""";

    private final Outbox outbox;
    private final AccountService accounts;
    private final Connectors connectors;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final Duration inFlightTimeout;
    private final MeterRegistry meters;
    private final ObjectMapper mapper;
    // Told, in the transaction, what was recorded: the metrics samples of a post hang off these (package metrics).
    private final Event<PostCleared> clearedRecorded;
    private final Event<PostPublished> publishedRecorded;
    private final StepMemories stepMemories;
    private final RateBudgets budgets;

    public PublicationLedger(Outbox outbox, AccountService accounts, Connectors connectors, Clock clock,
            PublisherConfig config, MeterRegistry meters, ObjectMapper mapper, Event<PostCleared> clearedRecorded,
            Event<PostPublished> publishedRecorded, StepMemories stepMemories, RateBudgets budgets) {
        this.stepMemories = stepMemories;
        this.budgets = budgets;
        this.mapper = mapper;
        this.clearedRecorded = clearedRecorded;
        this.publishedRecorded = publishedRecorded;
        this.outbox = outbox;
        this.accounts = accounts;
        this.connectors = connectors;
        this.clock = clock;
        this.retryPolicy = new RetryPolicy(config.maxAttempts(), config.retryDelay(), config.maxRetryDelay());
        this.inFlightTimeout = config.inFlightTimeout();
        this.meters = meters;
    }

    /**
     * One PENDING publication per target, due at the scheduled time or now; a target already in the ledger stays.
     * Cleared after its scheduled time, it is due at once and marked late.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(PostCleared cleared) {
        Instant now = clock.instant();
        Instant clearedAt = cleared.clearedAt() == null ? now : cleared.clearedAt();
        boolean late = cleared.scheduledAt() != null && clearedAt.isAfter(cleared.scheduledAt());
        lockPost(cleared.postId());
        Instant due = cleared.scheduledAt() == null || late ? now : cleared.scheduledAt();
        for (Target target : cleared.targets()) {
            PublicationContent content = new PublicationContent(target.threadParts(), target.firstComment(),
                    target.media(), cleared.replyTo(), cleared.repostOf(), target.title());
            String text = target.textOr(cleared.text());
            int inserted = Panache.getEntityManager().createNativeQuery(INSERT)
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("postId", cleared.postId())
                    .setParameter("version", cleared.version())
                    .setParameter("targetId", target.targetId())
                    .setParameter("network", target.network().name())
                    .setParameter("account", target.account())
                    .setParameter("contentHash", cleared.contentHash())
                    .setParameter("text", text == null ? "" : text)
                    .setParameter("dueAt", due)
                    .setParameter("now", now)
                    .setParameter("content", json(content))
                    .setParameter("sharesTargetId",
                            target.sharesTargetId() == null ? null : target.sharesTargetId().toString())
                    .setParameter("late", late)
                    .executeUpdate();
            if (inserted == 0) {
                LOG.debugf("Target %s of post %s v%d is already in the ledger", target.targetId(), cleared.postId(),
                        cleared.version());
            }
        }
        clearedRecorded.fire(cleared);
    }

    /**
     * Drops what is not yet published of a withdrawn version: its PENDING (and held) rows become WITHDRAWN, and a
     * clearance of it arriving later is recorded WITHDRAWN. Published rows and calls under way are left as they are.
     * No event: drafting, which withdrew the version, already knows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int withdraw(PostVersionWithdrawn withdrawn) {
        var em = Panache.getEntityManager();
        lockPost(withdrawn.postId());
        em.createNativeQuery(WITHDRAW_VERSION)
                .setParameter("postId", withdrawn.postId())
                .setParameter("version", withdrawn.version())
                .setParameter("by", withdrawn.withdrawnBy())
                .setParameter("reason", withdrawn.reason().name())
                .setParameter("at", withdrawn.withdrawnAt())
                .executeUpdate();
        int dropped = em.createNativeQuery(WITHDRAW_PENDING)
                .setParameter("postId", withdrawn.postId())
                .setParameter("version", withdrawn.version())
                .setParameter("by", withdrawn.withdrawnBy())
                .setParameter("reason", withdrawn.reason().name())
                .setParameter("now", clock.instant())
                .executeUpdate();
        LOG.infof("Post %s v%d withdrawn by %s (%s): %d publication(s) dropped", withdrawn.postId(),
                withdrawn.version(), withdrawn.withdrawnBy(), withdrawn.reason(), dropped);
        if (dropped > 0) {
            meters.counter("clearpost.publisher.publications", "outcome", "withdrawn").increment(dropped);
        }
        return dropped;
    }

    /**
     * Claims the next due publication in a transaction of its own, which commits before any network call. A
     * publication that cannot be published at all fails here, without a call.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> claimNext() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Publication> due = Panache.getEntityManager().createNativeQuery(NEXT_DUE, Publication.class)
                .setParameter("now", now)
                .getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Publication publication = due.get(0);
        // Budgets count posts: a reconcile call makes nothing new, and the later steps of a post (thread parts, first
        // comment) follow it rather than leave it half made.
        Optional<RateBudget.Deferral> deferral = publication.reconciling || publication.stepsDone > 0
                ? Optional.empty()
                : budgets.deferral(publication.network, publication.account, now);
        if (deferral.isPresent()) {
            LOG.infof("Publication %s put off to %s: %s", publication.id, deferral.get().until(),
                    deferral.get().reason());
            publication.deferTo(deferral.get().until(), deferral.get().reason(), now);
            return Optional.of(new Claim.Settled());
        }
        Optional<NetworkConnector> connector = connectors.forNetwork(publication.network);
        if (connector.isEmpty()) {
            fail(publication, "no connector for " + publication.network + " yet", now);
            return Optional.of(new Claim.Settled());
        }
        AccountToken token;
        try {
            token = accounts.tokenFor(publication.network, publication.account);
        } catch (TokenDecryptionException e) {
            fail(publication, e.getMessage() + ": an admin must connect account " + publication.account + " on "
                    + publication.network + " again", now);
            return Optional.of(new Claim.Settled());
        }
        if (token instanceof AccountToken.NotConnected) {
            fail(publication, "account " + publication.account + " on " + publication.network
                    + " is not connected: an admin must connect it", now);
            return Optional.of(new Claim.Settled());
        }
        if (token instanceof AccountToken.NeedsReconnect reconnect) {
            // Not failed: it goes out once an admin connects the account again.
            accounts.hold(publication.id, publication.network, publication.account, reconnect.reason());
            return Optional.of(new Claim.Settled());
        }
        if (token instanceof AccountToken.BeingRefreshed) {
            accounts.waitForRefresh(publication.id);
            return Optional.of(new Claim.Settled());
        }
        PublicationContent content = content(publication);
        Publication shared = publication.sharesTargetId == null ? null
                : Publication.<Publication>find("postId = ?1 and version = ?2 and targetId = ?3", publication.postId,
                        publication.version, publication.sharesTargetId).firstResult();
        PublicationSteps.Next next = PublicationSteps.next(publication, content, shared);
        if (next instanceof PublicationSteps.Impossible impossible) {
            fail(publication, impossible.reason(), now);
            return Optional.of(new Claim.Settled());
        }
        boolean reconcile = publication.reconciling;
        publication.claim(now);
        return Optional.of(new Claim.Call(connector.get(), new PublishRequest(publication.id, publication.network,
                publication.account, ((PublicationSteps.Call) next).step(), ((AccountToken.Usable) token).token(),
                PublishRequest.stepKey(publication.id, publication.stepsDone),
                stepMemories.of(publication.id, publication.stepsDone)), reconcile));
    }

    /**
     * Records what the network said about a claimed publication. The worker calls it first thing after the answer,
     * so it holds only what must commit together: the row's new state and its event in the outbox.
     */
    @Transactional
    public void recordOutcome(UUID publicationId, PublishResult result) {
        Instant now = clock.instant();
        Publication publication = Publication.findById(publicationId, LockModeType.PESSIMISTIC_WRITE);
        if (result.accountPausedUntil() != null) {
            pause(publication.network, publication.account, result.accountPausedUntil());
        }
        if (publication.status != PublicationStatus.PUBLISHING) {
            // Only when the call outlived the in-flight timeout and was taken for an interrupted one, now waiting to
            // be reconciled. What is live on the network is the truth, so a confirmed publication is recorded at
            // once rather than found again by the reconcile call.
            LOG.errorf("Publication %s was %s when its call ended with %s", publicationId, publication.status,
                    result);
            if (!(result instanceof PublishResult.Published) || !publication.reconciling) {
                return;
            }
        }
        PublicationContent content = content(publication);
        if (result instanceof PublishResult.Published published) {
            int steps = PublicationSteps.count(content, publication.sharesTargetId != null);
            publication.stepPublished(published.externalId(), published.url(), steps, now).ifPresentOrElse(event -> {
                outbox.append(event);
                publishedRecorded.fire(event);
                count("published");
            }, () -> LOG.infof("Publication %s: %d of %d calls live, the next is due now", publication.id,
                    publication.stepsDone, steps));
        } else if (result instanceof PublishResult.Retry retry) {
            // After a reconcile call too: the network said the step is certainly not there, so publishing is safe.
            retry(publication, retry, now);
        } else if (result instanceof PublishResult.Failed failed) {
            fail(publication, failed.reason(), now);
        } else if (result instanceof PublishResult.Unknown unknown) {
            reconcileLater(publication, unknown.reason(), unknown.accountPausedUntil(), now);
        } else if (result instanceof PublishResult.NeedsReconnect reconnect) {
            // Nothing was published: held, with the account's other pending publications, until it is connected.
            accounts.hold(publication.id, publication.network, publication.account, reconnect.reason());
        }
    }

    /**
     * Says the instance making this publication's call is still at it. A step may make several calls (media fetch,
     * upload, alt text, post), together longer than the in-flight timeout; without renewal it would be taken for an
     * interrupted call.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void renewClaim(UUID publicationId) {
        Panache.getEntityManager().createNativeQuery(RENEW_CLAIM)
                .setParameter("id", publicationId)
                .setParameter("now", clock.instant())
                .executeUpdate();
    }

    /**
     * Puts the publications whose call was cut short by a stop of the instance making it up for reconciliation. They
     * are not published again blindly: the network may have published before the stop, so it is asked first.
     */
    @Transactional
    public int reconcileInterrupted() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Publication> interrupted = Panache.getEntityManager()
                .createNativeQuery(INTERRUPTED_CALLS, Publication.class)
                .setParameter("claimedBefore", now.minus(inFlightTimeout))
                .getResultList();
        for (Publication publication : interrupted) {
            LOG.warnf("Publication %s to %s %s was interrupted during its call: asking the network what became of it",
                    publication.id, publication.network, publication.account);
            reconcileLater(publication, INTERRUPTED, null, now);
        }
        return interrupted.size();
    }

    @Transactional
    public List<Publication> forPost(UUID postId) {
        return Publication.list("postId", Sort.by("version").and("network").and("account"), postId);
    }

    private void retry(Publication publication, PublishResult.Retry retry, Instant now) {
        if (retryPolicy.exhausted(publication.attempts)) {
            fail(publication, "gave up after " + publication.attempts + " attempts: " + retry.reason(), now);
            return;
        }
        Instant next = retryPolicy.nextAttempt(publication.attempts, now, retry.accountPausedUntil());
        LOG.infof("Publication %s will be tried again at %s: %s", publication.id, next, retry.reason());
        publication.retryAt(next, retry.reason(), now);
        count("retry");
    }

    /**
     * Back to PENDING, marked reconciling, due after the capped backoff of its reconcile tries: never failed for not
     * knowing, however long the network takes to tell.
     */
    private void reconcileLater(Publication publication, String why, Instant pausedUntil, Instant now) {
        Instant next = retryPolicy.nextAttempt(publication.reconcileTries + 1, now, pausedUntil);
        String reason = why + "; finding out from " + RateBudget.name(publication.network);
        LOG.infof("Publication %s: %s at %s", publication.id, reason, next);
        publication.reconcileAt(next, reason, now);
        count("reconciling");
    }

    private void fail(Publication publication, String cause, Instant now) {
        String reason = partly(publication, cause);
        LOG.infof("Publication %s to %s %s failed: %s", publication.id, publication.network, publication.account,
                reason);
        outbox.append(publication.failed(reason, now));
        count("failed");
    }

    /**
     * A failure after the post went live says so, whatever ended it (refusal, retries used up, interrupted call,
     * token gone): the part before it is on the network and stays there.
     */
    private String partly(Publication publication, String reason) {
        if (publication.stepsDone == 0) {
            return reason;
        }
        return PublicationSteps.describe(publication.stepsDone, content(publication))
                + " failed after the post went live at " + publication.url + ": " + reason;
    }

    private static void lockPost(UUID postId) {
        Panache.getEntityManager().createNativeQuery(LOCK_POST)
                .setParameter("key", postId.getMostSignificantBits() ^ postId.getLeastSignificantBits())
                .getSingleResult();
    }

    private PublicationContent content(Publication publication) {
        if (publication.content == null) {
            return PublicationContent.PLAIN;
        }
        try {
            return mapper.readValue(publication.content, PublicationContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Publication " + publication.id + " has unreadable content", e);
        }
    }

    private String json(PublicationContent content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write publication content", e);
        }
    }

    private void pause(Network network, String account, Instant until) {
        LOG.infof("%s allows no more calls for account %s until %s", network, account, until);
        Panache.getEntityManager().createNativeQuery(PAUSE)
                .setParameter("network", network.name())
                .setParameter("account", account)
                .setParameter("until", until)
                .executeUpdate();
        Panache.getEntityManager().createNativeQuery(SHOW_PAUSE)
                .setParameter("network", network.name())
                .setParameter("account", account)
                .setParameter("until", until)
                .setParameter("reason", RateBudget.name(network) + " allows no more calls from this account until "
                        + RateBudget.at(until, clock.instant()) + " (its rate-limit signals)")
                .executeUpdate();
    }

    private void count(String outcome) {
        meters.counter("clearpost.publisher.publications", "outcome", outcome).increment();
    }
}
