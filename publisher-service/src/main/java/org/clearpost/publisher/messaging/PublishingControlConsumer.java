package org.clearpost.publisher.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.PublishingResumed;
import org.clearpost.events.PublishingSuspended;
import org.clearpost.publisher.domain.PublishingControl;
import org.clearpost.support.inbox.EventInbox;
import org.clearpost.support.inbox.ReceivedEvent;
import org.clearpost.support.reliability.RetryTransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies clearance's emergency stop: suspended, publications are held; resumed, they go out. */
@ApplicationScoped
public class PublishingControlConsumer {

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
        inbox.receive(Channels.CONSUMER, record).map(ReceivedEvent::event).ifPresent(event -> {
            if (event instanceof PublishingSuspended suspended) {
                control.suspend(suspended);
            } else if (event instanceof PublishingResumed resumed) {
                control.resume(resumed);
            }
        });
    }
}
