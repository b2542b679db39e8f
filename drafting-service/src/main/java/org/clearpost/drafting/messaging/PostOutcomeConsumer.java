package org.clearpost.drafting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.drafting.Channels;
import org.clearpost.drafting.domain.PostService;
import org.clearpost.events.ChangesRequested;
import org.clearpost.events.ClearanceCaseOpened;
import org.clearpost.events.ClearanceOverdue;
import org.clearpost.events.ClearanceRerouted;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PostRejected;
import org.clearpost.events.PublicationFailed;
import org.clearpost.support.inbox.EventHandlers;
import org.clearpost.support.inbox.EventInbox;
import org.clearpost.support.inbox.ReceivedEvent;
import org.clearpost.support.reliability.RetryTransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps each post's per-target status current from clearance decisions (cleared, rejected, changes requested)
 * and publication outcomes.
 */
@ApplicationScoped
public class PostOutcomeConsumer {

    /**
     * Every type on the clearance decisions and publications topics. A post's status says where it stands (in
     * clearance, cleared, published, ...), not how its clearance is going, so clearance's own bookkeeping on the
     * decisions topic changes nothing here.
     */
    public static final EventHandlers<PostService> HANDLERS = EventHandlers.<PostService>builder()
            .onWith(PostCleared.class, (cleared, posts) -> posts.cleared(cleared))
            .onWith(PostRejected.class, (rejected, posts) -> posts.rejected(rejected))
            .onWith(ChangesRequested.class, (requested, posts) -> posts.changesRequested(requested))
            .onWith(PostPublished.class, (published, posts) -> posts.published(published))
            .onWith(PublicationFailed.class, (failed, posts) -> posts.failed(failed))
            .ignore("the post has been in clearance since it was submitted; opening its case changes nothing here",
                    ClearanceCaseOpened.class)
            .ignore("an overdue or rerouted case is still undecided: the post stays in clearance (clearance tells "
                    + "the leads and clearers)", ClearanceOverdue.class, ClearanceRerouted.class)
            .build();

    private final EventInbox inbox;
    private final PostService posts;

    public PostOutcomeConsumer(EventInbox inbox, PostService posts) {
        this.inbox = inbox;
        this.posts = posts;
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
                .ifPresent(event -> HANDLERS.dispatch(event, posts));
    }
}
