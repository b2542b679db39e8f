package org.clearpost.monitoring.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.ChangesRequested;
import org.clearpost.events.ClearanceCaseOpened;
import org.clearpost.events.ClearanceOverdue;
import org.clearpost.events.ClearanceRerouted;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PostRejected;
import org.clearpost.events.PostVersionWithdrawn;
import org.clearpost.events.PublicationFailed;
import org.clearpost.monitoring.Channels;
import org.clearpost.monitoring.reply.Replies;
import org.clearpost.support.inbox.EventHandlers;
import org.clearpost.support.inbox.EventInbox;
import org.clearpost.support.inbox.ReceivedEvent;
import org.clearpost.support.reliability.RetryTransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the replies the inbox asked for through drafting, clearance and the publisher. Every post's events pass
 * here; those of posts that are no reply change nothing ({@link Replies} finds no reply with the post's id).
 */
@ApplicationScoped
public class ReplyProgressConsumer {

    /** Every type on the post, decisions and publications topics: one table, as one consumer reads all three. */
    public static final EventHandlers<Replies> HANDLERS = EventHandlers.<Replies>builder()
            .onWith(PostDrafted.class, (drafted, replies) -> replies.drafted(drafted))
            .onWith(PostVersionWithdrawn.class, (withdrawn, replies) -> replies.withdrawn(withdrawn))
            .onWith(PostCleared.class, (cleared, replies) -> replies.cleared(cleared))
            .onWith(PostRejected.class, (rejected, replies) -> replies.rejected(rejected))
            .onWith(ChangesRequested.class, (requested, replies) -> replies.changesRequested(requested))
            .onWith(PostPublished.class, (published, replies) -> replies.published(published))
            .onWith(PublicationFailed.class, (failed, replies) -> replies.failed(failed))
            .ignore("a reply's progress is drafted, in clearance, decided, published: an opened, overdue or "
                    + "rerouted case is still in clearance, which PostDrafted already said",
                    ClearanceCaseOpened.class, ClearanceOverdue.class, ClearanceRerouted.class)
            .build();

    private final EventInbox inbox;
    private final Replies replies;

    public ReplyProgressConsumer(EventInbox inbox, Replies replies) {
        this.inbox = inbox;
        this.replies = replies;
    }

    @Incoming(Channels.DRAFTED_POSTS)
    @RetryTransientFailures
    @Transactional
    public void onDraftedPost(ConsumerRecord<String, String> record) {
        handle(record);
    }

    @Incoming(Channels.CLEARANCE_DECISIONS)
    @RetryTransientFailures
    @Transactional
    public void onClearanceDecision(ConsumerRecord<String, String> record) {
        handle(record);
    }

    @Incoming(Channels.PUBLICATIONS)
    @RetryTransientFailures
    @Transactional
    public void onPublication(ConsumerRecord<String, String> record) {
        handle(record);
    }

    private void handle(ConsumerRecord<String, String> record) {
        inbox.receive(Channels.CONSUMER, record).map(ReceivedEvent::event)
                .ifPresent(event -> HANDLERS.dispatch(event, replies));
    }
}
