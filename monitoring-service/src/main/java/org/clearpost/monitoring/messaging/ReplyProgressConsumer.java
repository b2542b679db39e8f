package org.clearpost.monitoring.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.events.ChangesRequested;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PostRejected;
import org.clearpost.events.PostVersionWithdrawn;
import org.clearpost.events.PublicationFailed;
import org.clearpost.monitoring.Channels;
import org.clearpost.monitoring.reply.Replies;
import org.clearpost.support.inbox.EventInbox;
import org.clearpost.support.inbox.ReceivedEvent;
import org.clearpost.support.reliability.RetryTransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the replies the inbox asked for through drafting, clearance and the publisher. Every post's events pass
 * here; those of posts that are no reply change nothing ({@link Replies} finds no reply with the post's id).
 */
@ApplicationScoped
public class ReplyProgressConsumer {

    /** What to do with each event type; any other type on these topics (PublishingSuspended, ...) is not ours. */
    private final Map<Class<? extends ClearpostEvent>, Consumer<ClearpostEvent>> handlers;
    private final EventInbox inbox;

    public ReplyProgressConsumer(EventInbox inbox, Replies replies) {
        this.inbox = inbox;
        this.handlers = Map.ofEntries(
                handler(PostDrafted.class, replies::drafted),
                handler(PostVersionWithdrawn.class, replies::withdrawn),
                handler(PostCleared.class, replies::cleared),
                handler(PostRejected.class, replies::rejected),
                handler(ChangesRequested.class, replies::changesRequested),
                handler(PostPublished.class, replies::published),
                handler(PublicationFailed.class, replies::failed));
    }

    @Incoming(Channels.DRAFTED_POSTS)
    @RetryTransientFailures
    @Transactional
    public void onDraftedPost(ConsumerRecord<String, String> record) {
        handle(record);
    }

    @Incoming(Channels.CLEARANCE_DECISIONS)
    @RetryTransientFailures
    @Transactional
    public void onClearanceDecision(ConsumerRecord<String, String> record) {
        handle(record);
    }

    @Incoming(Channels.PUBLICATIONS)
    @RetryTransientFailures
    @Transactional
    public void onPublication(ConsumerRecord<String, String> record) {
        handle(record);
    }

    private void handle(ConsumerRecord<String, String> record) {
        inbox.receive(Channels.CONSUMER, record).map(ReceivedEvent::event)
                .ifPresent(event -> handlers.getOrDefault(event.getClass(), ReplyProgressConsumer::ignore)
                        .accept(event));
    }

    private static void ignore(ClearpostEvent event) {
        // Deliberately nothing: the topic carries more than replies need (e.g. ClearanceOverdue).
    }

    private static <E extends ClearpostEvent> Map.Entry<Class<? extends ClearpostEvent>, Consumer<ClearpostEvent>>
            handler(Class<E> type, Consumer<E> handler) {
        return Map.entry(type, event -> handler.accept(type.cast(event)));
    }
}
