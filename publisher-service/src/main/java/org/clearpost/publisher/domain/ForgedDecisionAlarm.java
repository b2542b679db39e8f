package org.clearpost.publisher.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.clearpost.events.CloudEventHeaders;
import org.clearpost.events.DecisionSignatureRejected;
import org.clearpost.events.PostCleared;
import org.clearpost.support.outbox.Outbox;
import org.jboss.logging.Logger;

/** Raises {@link DecisionSignatureRejected} when a decision's signature does not verify. */
@ApplicationScoped
public class ForgedDecisionAlarm {

    private static final Logger LOG = Logger.getLogger(ForgedDecisionAlarm.class);

    private final Outbox outbox;
    private final Clock clock;

    public ForgedDecisionAlarm(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * In a transaction of its own: the consumer's transaction is rolled back (nothing of the decision may stay), and
     * the record goes on to the dead-letter topic, but the alert must still go out.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void raise(ConsumerRecord<String, String> record, PostCleared claimed, String reason) {
        LOG.errorf("Refused a PostCleared for post %s v%d from %s (%s/%d@%d): %s", claimed.postId(),
                claimed.version(), header(record, CloudEventHeaders.SOURCE), record.topic(), record.partition(),
                record.offset(), reason);
        outbox.append(new DecisionSignatureRejected(claimed.postId(), claimed.version(), claimed.clearedBy(),
                header(record, CloudEventHeaders.ID), header(record, CloudEventHeaders.SOURCE), reason,
                record.topic(), record.partition(), record.offset(), clock.instant()));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
