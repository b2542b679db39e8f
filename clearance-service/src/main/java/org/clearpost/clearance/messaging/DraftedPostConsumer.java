package org.clearpost.clearance.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.clearance.Channels;
import org.clearpost.clearance.domain.ClearanceService;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostVersionWithdrawn;
import org.clearpost.support.inbox.EventHandlers;
import org.clearpost.support.inbox.EventInbox;
import org.clearpost.support.inbox.ReceivedEvent;
import org.clearpost.support.reliability.RetryTransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Drafting's post stream: a PostDrafted opens a clearance case, a PostVersionWithdrawn closes that version's open
 * case. One consumer for the topic, so both keep the order drafting wrote them in.
 */
@ApplicationScoped
public class DraftedPostConsumer {

    /** Every type on drafting's post topic. */
    public static final EventHandlers<ClearanceService> HANDLERS = EventHandlers.<ClearanceService>builder()
            .onWith(PostDrafted.class, (drafted, clearances) -> clearances.open(drafted))
            .onWith(PostVersionWithdrawn.class, (withdrawn, clearances) -> clearances.withdraw(withdrawn))
            .build();

    private final EventInbox inbox;
    private final ClearanceService clearances;

    public DraftedPostConsumer(EventInbox inbox, ClearanceService clearances) {
        this.inbox = inbox;
        this.clearances = clearances;
    }

    @Incoming(Channels.DRAFTED_POSTS)
    @RetryTransientFailures
    @Transactional
    public void onDraftedPost(ConsumerRecord<String, String> record) {
        inbox.receive(Channels.CONSUMER, record).map(ReceivedEvent::event)
                .ifPresent(event -> HANDLERS.dispatch(event, clearances));
    }
}
