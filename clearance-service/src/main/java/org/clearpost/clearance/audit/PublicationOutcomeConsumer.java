package org.clearpost.clearance.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearpost.clearance.Channels;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PublicationFailed;
import org.clearpost.support.inbox.EventHandlers;
import org.clearpost.support.inbox.EventInbox;
import org.clearpost.support.inbox.ReceivedEvent;
import org.clearpost.support.reliability.RetryTransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Records each publication outcome the publisher reports, so the audit trail runs from draft to live post. */
@ApplicationScoped
public class PublicationOutcomeConsumer {

    static final String PUBLISHER = "publisher-service";

    /** Every type on the publications topic; the details recorded are the event as the publisher sent it. */
    public static final EventHandlers<AuditLog> HANDLERS = EventHandlers.<AuditLog>builder()
            .onWith(PostPublished.class, (published, auditLog) -> auditLog.append(PUBLISHER, AuditAction.PUBLISHED,
                    published.postId(), published.version(), published))
            .onWith(PublicationFailed.class, (failed, auditLog) -> auditLog.append(PUBLISHER,
                    AuditAction.PUBLICATION_FAILED, failed.postId(), failed.version(), failed))
            .build();

    private final EventInbox inbox;
    private final AuditLog auditLog;

    public PublicationOutcomeConsumer(EventInbox inbox, AuditLog auditLog) {
        this.inbox = inbox;
        this.auditLog = auditLog;
    }

    @Incoming(Channels.PUBLICATIONS)
    @RetryTransientFailures
    @Transactional
    public void onPublication(ConsumerRecord<String, String> record) {
        inbox.receive(Channels.CONSUMER, record).map(ReceivedEvent::event)
                .ifPresent(event -> HANDLERS.dispatch(event, auditLog));
    }
}
