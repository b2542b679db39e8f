package org.clearpost.publisher.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.ChangesRequested;
import org.clearpost.events.ClearanceCaseOpened;
import org.clearpost.events.ClearanceOverdue;
import org.clearpost.events.ClearanceRerouted;
import org.clearpost.events.DecisionSignatures.ForgedDecisionException;
import org.clearpost.events.MalformedEventException;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostRejected;
import org.clearpost.publisher.domain.DecisionVerifier;
import org.clearpost.publisher.domain.ForgedDecisionAlarm;
import org.clearpost.publisher.domain.PublicationLedger;
import org.clearpost.publisher.domain.PublishingControl;
import org.clearpost.support.inbox.EventHandlers;
import org.clearpost.support.inbox.EventInbox;
import org.clearpost.support.inbox.ReceivedEvent;
import org.clearpost.support.reliability.RetryTransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Puts every target of a cleared post in the ledger, if clearance's signature on it verifies; rejections on the same
 * topic are none of its business.
 */
@ApplicationScoped
public class ClearedPostConsumer {

    /**
     * Every type on the decisions topic. Only a PostCleared gives the publisher anything to do; its handler gets the
     * record as received, whose text the signature covers.
     */
    public static final EventHandlers<Delivery> HANDLERS = EventHandlers.<Delivery>builder()
            .onWith(PostCleared.class, (cleared, delivery) -> delivery.consumer().cleared(cleared, delivery.record()))
            .ignore("a version rejected or sent back was not cleared: there is nothing to publish",
                    PostRejected.class, ChangesRequested.class)
            .ignore("clearance's bookkeeping on an undecided case: nothing to publish until a PostCleared",
                    ClearanceCaseOpened.class, ClearanceOverdue.class, ClearanceRerouted.class)
            .build();

    /** What the PostCleared handler needs besides the event: the record it came in, and this consumer. */
    record Delivery(ClearedPostConsumer consumer, ConsumerRecord<String, String> record) {
    }

    private final EventInbox inbox;
    private final PublicationLedger ledger;
    private final PublishingControl control;
    private final DecisionVerifier verifier;
    private final ForgedDecisionAlarm alarm;

    public ClearedPostConsumer(EventInbox inbox, PublicationLedger ledger, PublishingControl control,
            DecisionVerifier verifier, ForgedDecisionAlarm alarm) {
        this.inbox = inbox;
        this.ledger = ledger;
        this.control = control;
        this.verifier = verifier;
        this.alarm = alarm;
    }

    @Incoming(Channels.CLEARANCE_DECISIONS)
    @RetryTransientFailures
    @Transactional
    public void onClearanceDecision(ConsumerRecord<String, String> record) {
        inbox.receive(Channels.CONSUMER, record).map(ReceivedEvent::event)
                .ifPresent(event -> HANDLERS.dispatch(event, new Delivery(this, record)));
    }

    private void cleared(PostCleared cleared, ConsumerRecord<String, String> record) {
        if (cleared.postId() == null) {
            throw new MalformedEventException("A PostCleared without a postId");
        }
        try {
            // The received text, not the record we read from it: the signature covers every member, known or not.
            verifier.verify(record.value());
        } catch (ForgedDecisionException forged) {
            alarm.raise(record, cleared, forged.getMessage());
            // Poison: rolls this transaction back (nothing recorded) and sends the record to the dead-letter topic.
            throw forged;
        }
        // In the same transaction as the ledger rows: the worker never sees them without the stop they were cleared
        // under, even when this decision overtakes the PublishingSuspended announcing it.
        if (cleared.heldBySuspension() != null) {
            control.heldByDecision(cleared);
        }
        ledger.record(cleared);
    }
}
