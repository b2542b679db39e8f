package org.clearpost.analytics.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.analytics.domain.EventCountService;
import org.clearpost.support.inbox.EventInbox;
import org.clearpost.support.reliability.RetryTransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Counts every event on every Clearpost topic, once. */
@ApplicationScoped
public class EventCountConsumer {

    private final EventInbox inbox;
    private final EventCountService counts;

    public EventCountConsumer(EventInbox inbox, EventCountService counts) {
        this.inbox = inbox;
        this.counts = counts;
    }

    @Incoming(Channels.ALL_EVENTS)
    @RetryTransientFailures
    @Transactional
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.receive(Channels.CONSUMER, record).ifPresent(received -> counts.count(received.type(), received.event()));
    }
}
