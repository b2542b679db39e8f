package org.clearpost.publisher.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostVersionWithdrawn;
import org.clearpost.publisher.domain.PublicationLedger;
import org.clearpost.support.inbox.EventHandlers;
import org.clearpost.support.inbox.EventInbox;
import org.clearpost.support.inbox.ReceivedEvent;
import org.clearpost.support.reliability.RetryTransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Drops what is not yet published of a version drafting withdrew; drafting's other events are not for us. */
@ApplicationScoped
public class WithdrawnVersionConsumer {

    /** Every type on drafting's post topic. */
    public static final EventHandlers<PublicationLedger> HANDLERS = EventHandlers.<PublicationLedger>builder()
            .onWith(PostVersionWithdrawn.class, (withdrawn, ledger) -> ledger.withdraw(withdrawn))
            .ignore("a submitted version is not cleared yet: the publisher publishes only what a PostCleared "
                    + "carries, signed", PostDrafted.class)
            .build();

    private final EventInbox inbox;
    private final PublicationLedger ledger;

    public WithdrawnVersionConsumer(EventInbox inbox, PublicationLedger ledger) {
        this.inbox = inbox;
        this.ledger = ledger;
    }

    @Incoming(Channels.DRAFTING_POSTS)
    @RetryTransientFailures
    @Transactional
    public void onDraftingEvent(ConsumerRecord<String, String> record) {
        inbox.receive(Channels.CONSUMER, record).map(ReceivedEvent::event)
                .ifPresent(event -> HANDLERS.dispatch(event, ledger));
    }
}
