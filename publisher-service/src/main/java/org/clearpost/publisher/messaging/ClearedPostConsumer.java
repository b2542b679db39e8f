package org.clearpost.publisher.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.PostCleared;
import org.clearpost.publisher.domain.PublicationLedger;
import org.clearpost.support.inbox.EventInbox;
import org.clearpost.support.inbox.ReceivedEvent;
import org.clearpost.support.reliability.RetryTransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Puts every target of a cleared post in the ledger; rejections on the same topic are none of its business. */
@ApplicationScoped
public class ClearedPostConsumer {

    private final EventInbox inbox;
    private final PublicationLedger ledger;

    public ClearedPostConsumer(EventInbox inbox, PublicationLedger ledger) {
        this.inbox = inbox;
        this.ledger = ledger;
    }

    @Incoming(Channels.CLEARANCE_DECISIONS)
    @RetryTransientFailures
    @Transactional
    public void onClearanceDecision(ConsumerRecord<String, String> record) {
        inbox.receive(Channels.CONSUMER, record).map(ReceivedEvent::event)
                .filter(PostCleared.class::isInstance).map(PostCleared.class::cast)
                .ifPresent(ledger::record);
    }
}
