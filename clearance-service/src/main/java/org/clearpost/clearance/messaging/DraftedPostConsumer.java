package org.clearpost.clearance.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.clearance.domain.ClearanceService;
import org.clearpost.events.PostDrafted;
import org.clearpost.support.inbox.EventInbox;
import org.clearpost.support.inbox.ReceivedEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Opens a clearance case for every post version submitted in drafting. */
@ApplicationScoped
public class DraftedPostConsumer {

    private final EventInbox inbox;
    private final ClearanceService clearances;

    public DraftedPostConsumer(EventInbox inbox, ClearanceService clearances) {
        this.inbox = inbox;
        this.clearances = clearances;
    }

    @Incoming(Channels.DRAFTED_POSTS)
    @Transactional
    public void onDraftedPost(ConsumerRecord<String, String> record) {
        inbox.receive(Channels.CONSUMER, record).map(ReceivedEvent::event)
                .filter(PostDrafted.class::isInstance).map(PostDrafted.class::cast)
                .ifPresent(clearances::open);
    }
}
