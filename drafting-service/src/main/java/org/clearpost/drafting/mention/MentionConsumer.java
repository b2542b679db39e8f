package org.clearpost.drafting.mention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.drafting.Channels;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.MentionReplyRequested;
import org.clearpost.support.inbox.EventInbox;
import org.clearpost.support.inbox.ReceivedEvent;
import org.clearpost.support.reliability.RetryTransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the mentions monitoring reports, so drafters can reply to them, and drafts the replies monitors ask for from
 * the inbox. One consumer for the topic: a mention's MentionReceived comes before any reply to it (same key).
 */
@ApplicationScoped
public class MentionConsumer {

    /** The incoming channel; application.properties binds it to {@code clearpost.monitoring.mentions}. */
    static final String MENTIONS = "mentions";

    private final EventInbox inbox;
    private final KnownMentions mentions;
    private final ReplyDrafter replies;

    public MentionConsumer(EventInbox inbox, KnownMentions mentions, ReplyDrafter replies) {
        this.inbox = inbox;
        this.mentions = mentions;
        this.replies = replies;
    }

    @Incoming(MENTIONS)
    @RetryTransientFailures
    @Transactional
    public void onMention(ConsumerRecord<String, String> record) {
        inbox.receive(Channels.CONSUMER, record).map(ReceivedEvent::event).ifPresent(event -> {
            if (event instanceof MentionReceived received) {
                mentions.record(received);
            } else if (event instanceof MentionReplyRequested requested) {
                mentions.record(requested.mention(), requested.account());
                replies.draft(requested);
            }
            // The inbox's other events (triage, actions, answers) are monitoring's own business.
        });
    }
}
