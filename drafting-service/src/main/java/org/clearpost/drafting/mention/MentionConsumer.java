package org.clearpost.drafting.mention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.drafting.Channels;
import org.clearpost.events.MentionActioned;
import org.clearpost.events.MentionAnswered;
import org.clearpost.events.MentionOverdue;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.MentionReplyRequested;
import org.clearpost.events.MentionTriaged;
import org.clearpost.support.inbox.EventHandlers;
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
    public static final String MENTIONS = "mentions";

    /** Every type on the mentions topic; handlers reach the consumer's collaborators through the context. */
    public static final EventHandlers<MentionConsumer> HANDLERS = EventHandlers.<MentionConsumer>builder()
            .onWith(MentionReceived.class, (received, consumer) -> consumer.mentions.record(received))
            .onWith(MentionReplyRequested.class, (requested, consumer) -> consumer.replyRequested(requested))
            .ignore("the inbox's own work on a mention (triage, actions, answers, deadlines) is monitoring's "
                    + "business: drafting needs the mention, and a reply once a monitor asks for one",
                    MentionTriaged.class, MentionActioned.class, MentionAnswered.class, MentionOverdue.class)
            .build();

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
        inbox.receive(Channels.CONSUMER, record).map(ReceivedEvent::event)
                .ifPresent(event -> HANDLERS.dispatch(event, this));
    }

    private void replyRequested(MentionReplyRequested requested) {
        mentions.record(requested.mention(), requested.account());
        replies.draft(requested);
    }
}
