package org.clearpost.monitoring.reply;

import static org.clearpost.events.MentionState.ANSWERED;
import static org.clearpost.events.MentionState.ASSIGNED;
import static org.clearpost.events.MentionState.AWAITING_CLEARANCE;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.clearpost.events.ChangesRequested;
import org.clearpost.events.ExternalPost;
import org.clearpost.events.InboxAction;
import org.clearpost.events.MentionAnswered;
import org.clearpost.events.MentionReplyRequested;
import org.clearpost.events.MentionState;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PostRejected;
import org.clearpost.events.PostVersionWithdrawn;
import org.clearpost.events.PublicationFailed;
import org.clearpost.monitoring.inbox.MentionStates;
import org.clearpost.monitoring.inbox.SavedReplies;
import org.clearpost.monitoring.reply.ReplyStore.MentionRow;
import org.clearpost.monitoring.sla.DueTimes;
import org.clearpost.support.outbox.Outbox;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;

/**
 * Replies from the inbox: a monitor asks for one (the mentions wait for clearance, drafting is told with
 * {@code MentionReplyRequested}), and the reply then follows its post through drafting, clearance and the publisher,
 * taking its mentions back to ASSIGNED when the post is refused or fails, and to ANSWERED when it is live.
 */
@ApplicationScoped
public class Replies {

    /** The actor of what the service does by itself, as in the inbox's audit trail. */
    static final String SYSTEM = "system";

    private final ReplyStore store;
    private final MentionStates states;
    private final Outbox outbox;
    private final DueTimes dueTimes;
    private final Clock clock;
    private final SavedReplies savedReplies;

    public Replies(ReplyStore store, MentionStates states, Outbox outbox, DueTimes dueTimes, Clock clock,
            SavedReplies savedReplies) {
        this.savedReplies = savedReplies;
        this.store = store;
        this.states = states;
        this.outbox = outbox;
        this.dueTimes = dueTimes;
        this.clock = clock;
    }

    /**
     * Asks for a reply to one mention, or to every open (new or assigned, not hidden) mention of a theme on the
     * network of its oldest, which the reply answers there. 409 when one of them is claimed by someone else or
     * already awaits a reply, or none is open.
     */
    @Transactional
    public Reply request(ReplyRequest request, String actor) {
        List<MentionRow> mentions = mentionsToAnswer(request);
        for (MentionRow mention : mentions) {
            if (mention.status() == AWAITING_CLEARANCE) {
                throw ProblemException.conflict("Mention already awaits a reply", "Mention " + mention.id()
                        + " already awaits the clearance of reply " + mention.replyId());
            }
            states.requireNoOtherClaim(mention.id(), actor);
        }
        MentionRow answered = mentions.get(0);
        String account = request.account() != null ? request.account() : answered.account();
        if (account == null || account.isBlank()) {
            throw ProblemException.badRequest("Say which account replies", List.of(new Problem.Violation("account",
                    "mention " + answered.id() + " names none of the body's accounts; give the account to reply from")));
        }
        String text = startingText(request, answered.id());
        Instant now = clock.instant();
        UUID replyId = UUID.randomUUID();
        List<UUID> ids = mentions.stream().map(MentionRow::id).toList();
        states.move(ids, AWAITING_CLEARANCE, InboxAction.REPLY_REQUESTED, actor, "reply " + replyId);
        store.link(ids, replyId);
        Reply reply = new Reply(replyId, answered.id(), ids, request.themeId(), answered.network(), account,
                text, actor, now, ReplyState.REQUESTED, 0, null, null, null, null, now);
        store.insert(reply);
        outbox.append(new MentionReplyRequested(replyId, new ExternalPost(answered.network(), answered.externalId(),
                answered.authorId(), answered.url(), answered.id()), account, ids, request.themeId(),
                text, actor, now));
        return reply;
    }

    /** The monitor's own text, or a saved reply filled in for the mention answered: exactly one of them. */
    private String startingText(ReplyRequest request, UUID answered) {
        boolean typed = request.text() != null && !request.text().isBlank();
        if (typed == (request.savedReplyId() != null)) {
            throw ProblemException.badRequest("Give either the reply's text or a saved reply", List.of(
                    new Problem.Violation(typed ? "savedReplyId" : "text",
                            "give exactly one of text and savedReplyId")));
        }
        return typed ? request.text() : savedReplies.render(request.savedReplyId(), answered);
    }

    private List<MentionRow> mentionsToAnswer(ReplyRequest request) {
        if ((request.mentionId() == null) == (request.themeId() == null)) {
            String field = request.mentionId() == null ? "mentionId" : "themeId";
            throw ProblemException.badRequest("Give either a mention or a theme to answer", List.of(
                    new Problem.Violation(field, "give exactly one of mentionId and themeId")));
        }
        if (request.mentionId() != null) {
            return List.of(store.lockMention(request.mentionId())
                    .orElseThrow(() -> ProblemException.notFound("Mention", request.mentionId())));
        }
        List<MentionRow> open = store.lockOpenOfTheme(request.themeId());
        if (open.isEmpty()) {
            if (!store.themeKnown(request.themeId())) {
                throw ProblemException.notFound("Theme", request.themeId());
            }
            throw ProblemException.conflict("Theme has no open mentions",
                    "Every mention of theme " + request.themeId() + " is answered, awaiting a reply or closed");
        }
        // One reply goes out on one network: the theme's mentions elsewhere wait for a reply of their own.
        return open.stream().filter(m -> m.network() == open.get(0).network()).toList();
    }

    public Reply find(UUID id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("Reply", id));
    }

    public List<Reply> forMention(UUID mentionId) {
        return store.forMention(mentionId);
    }

    /** Drafting submitted a version of the reply: its mentions (back from a refusal, if any) await clearance. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void drafted(PostDrafted event) {
        if (event.replyTo() != null && advance(event.postId(), event.version(), ReplyState.DRAFTED, null, null)) {
            move(event.postId(), ASSIGNED, AWAITING_CLEARANCE, InboxAction.REPLY_REQUESTED, event.author(),
                    "reply " + event.postId() + " version " + event.version() + " submitted");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cleared(PostCleared event) {
        advance(event.postId(), event.version(), ReplyState.CLEARED, event.clearedBy(), event.comment());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void rejected(PostRejected event) {
        refused(event.postId(), event.version(), ReplyState.REJECTED, event.rejectedBy(), event.comment());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changesRequested(ChangesRequested event) {
        refused(event.postId(), event.version(), ReplyState.CHANGES_REQUESTED, event.requestedBy(), event.comment());
    }

    /** An edit withdraws a version for the next one, which drafting submits again; a withdrawal ends the reply. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(PostVersionWithdrawn event) {
        if (event.reason() == PostVersionWithdrawn.WithdrawalReason.WITHDRAWN && advance(event.postId(),
                event.version(), ReplyState.WITHDRAWN, event.withdrawnBy(), "withdrawn in drafting")) {
            move(event.postId(), AWAITING_CLEARANCE, ASSIGNED, InboxAction.STATE_CHANGED, event.withdrawnBy(),
                    "reply " + event.postId() + " withdrawn by " + event.withdrawnBy());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(PublicationFailed event) {
        if (advance(event.postId(), event.version(), ReplyState.FAILED, null, event.reason())) {
            move(event.postId(), AWAITING_CLEARANCE, ASSIGNED, InboxAction.STATE_CHANGED, SYSTEM,
                    "reply " + event.postId() + " could not be published: " + event.reason());
        }
    }

    /**
     * The reply is live: each mention it answers is ANSWERED, with {@code MentionAnswered} carrying the first-response
     * time in business hours (policy 4.2) and whether it was within the mention's due time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void published(PostPublished event) {
        UUID replyId = event.postId();
        if (!advance(replyId, event.version(), ReplyState.PUBLISHED, null, null, event.externalId(), event.url())) {
            return;
        }
        String detail = "reply " + replyId + " published: " + event.url();
        // A mention sent back by a refusal whose next version was published before its PostDrafted was read.
        move(replyId, ASSIGNED, AWAITING_CLEARANCE, InboxAction.REPLY_REQUESTED, SYSTEM, detail);
        List<MentionRow> answering = store.lockAnswering(replyId, List.of(AWAITING_CLEARANCE));
        if (answering.isEmpty()) {
            return;
        }
        Instant answeredAt = event.publishedAt();
        states.move(answering.stream().map(MentionRow::id).toList(), ANSWERED, InboxAction.STATE_CHANGED, SYSTEM,
                detail);
        store.answered(answering.stream().map(MentionRow::id).toList(), answeredAt);
        for (MentionRow mention : answering) {
            // A mention answered before (then reopened) keeps the time of its first response.
            Instant first = mention.answeredAt() != null ? mention.answeredAt() : answeredAt;
            Instant from = first.isBefore(mention.receivedAt()) ? first : mention.receivedAt();
            outbox.append(new MentionAnswered(mention.id(), mention.network(), replyId, event.externalId(),
                    event.url(), mention.themeId(), mention.receivedAt(), mention.dueAt(), first,
                    dueTimes.calendar().businessDurationBetween(from, first).toSeconds(),
                    Duration.between(from, first).toSeconds(),
                    mention.dueAt() == null || !first.isAfter(mention.dueAt())));
        }
    }

    private void refused(UUID replyId, int version, ReplyState state, String by, String comment) {
        if (advance(replyId, version, state, by, comment)) {
            move(replyId, AWAITING_CLEARANCE, ASSIGNED, InboxAction.STATE_CHANGED, by, "reply " + replyId + " "
                    + state.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " by " + by
                    + (comment == null || comment.isBlank() ? "" : ": " + comment));
        }
    }

    private boolean advance(UUID replyId, int version, ReplyState state, String by, String detail) {
        return advance(replyId, version, state, by, detail, null, null);
    }

    /**
     * Moves the reply to {@code state} if the event supersedes what it knows; false for a post that is no reply, and
     * for a stale or repeated event.
     */
    private boolean advance(UUID replyId, int version, ReplyState state, String by, String detail, String externalId,
            String url) {
        Reply reply = store.lock(replyId).orElse(null);
        if (reply == null || !state.supersedes(reply.state(), reply.version(), version)) {
            return false;
        }
        // A new version starts undecided; publishing keeps who cleared it.
        String decidedBy = by != null ? by : state == ReplyState.DRAFTED ? null : reply.decidedBy();
        store.advance(replyId, state, version, decidedBy, detail, externalId, url, clock.instant());
        return true;
    }

    private void move(UUID replyId, MentionState from, MentionState to,
            InboxAction action, String actor, String detail) {
        List<UUID> ids = store.lockAnswering(replyId, List.of(from)).stream().map(MentionRow::id).toList();
        if (!ids.isEmpty()) {
            states.move(ids, to, action, actor, detail);
        }
    }
}
