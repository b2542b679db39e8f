package org.clearpost.drafting.mention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.drafting.Channels;
import org.clearpost.events.MentionReceived;
import org.clearpost.support.inbox.EventInbox;
import org.clearpost.support.inbox.ReceivedEvent;
import org.clearpost.support.reliability.RetryTransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the mentions monitoring reports, so drafters can reply to them. */
@ApplicationScoped
public class MentionConsumer {

    /** The incoming channel; application.properties binds it to {@code clearpost.monitoring.mentions}. */
    static final String MENTIONS = "mentions";

    private final EventInbox inbox;
    private final KnownMentions mentions;

    public MentionConsumer(EventInbox inbox, KnownMentions mentions) {
        this.inbox = inbox;
        this.mentions = mentions;
    }

    @Incoming(MENTIONS)
    @RetryTransientFailures
    @Transactional
    public void onMention(ConsumerRecord<String, String> record) {
        inbox.receive(Channels.CONSUMER, record).map(ReceivedEvent::event)
                .filter(MentionReceived.class::isInstance).map(MentionReceived.class::cast)
                .ifPresent(mentions::record);
    }
}
