package org.clearpost.publisher.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.PublishingResumed;
import org.clearpost.events.PublishingSuspended;
import org.clearpost.publisher.domain.PublishingControl;
import org.clearpost.support.inbox.EventHandlers;
import org.clearpost.support.inbox.EventInbox;
import org.clearpost.support.inbox.ReceivedEvent;
import org.clearpost.support.reliability.RetryTransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies clearance's emergency stop: suspended, publications are held; resumed, they go out. */
@ApplicationScoped
public class PublishingControlConsumer {

    /** Every type on the publishing-control topic. */
    public static final EventHandlers<PublishingControl> HANDLERS = EventHandlers.<PublishingControl>builder()
            .onWith(PublishingSuspended.class, (suspended, control) -> control.suspend(suspended))
            .onWith(PublishingResumed.class, (resumed, control) -> control.resume(resumed))
            .build();

    private final EventInbox inbox;
    private final PublishingControl control;

    public PublishingControlConsumer(EventInbox inbox, PublishingControl control) {
        this.inbox = inbox;
        this.control = control;
    }

    @Incoming(Channels.PUBLISHING_CONTROL)
    @RetryTransientFailures
    @Transactional
    public void onPublishingControl(ConsumerRecord<String, String> record) {
        inbox.receive(Channels.CONSUMER, record).map(ReceivedEvent::event)
                .ifPresent(event -> HANDLERS.dispatch(event, control));
    }
}
