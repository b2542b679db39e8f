package org.clearpost.drafting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.drafting.Channels;
import org.clearpost.drafting.domain.PostService;
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
        inbox.receive(Channels.CONSUMER, record).map(ReceivedEvent::event).ifPresent(posts::apply);
    }

    @Incoming(Channels.PUBLICATIONS)
    @RetryTransientFailures
    @Transactional
    public void onPublication(ConsumerRecord<String, String> record) {
        inbox.receive(Channels.CONSUMER, record).map(ReceivedEvent::event).ifPresent(posts::apply);
    }
}
