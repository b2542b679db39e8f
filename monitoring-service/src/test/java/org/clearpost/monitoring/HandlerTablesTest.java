package org.clearpost.monitoring;

import java.util.Map;
import org.clearpost.monitoring.messaging.ReplyProgressConsumer;
import org.clearpost.testing.EventHandlerCoverage;
import org.junit.jupiter.api.Test;

/**
 * Every event type on the topics monitoring's channels read is handled or ignored on purpose (plain JUnit: the table
 * is static, the topics come from application.properties). A type added to one of those topics fails here first.
 * Monitoring's own raw-mention and cursor topics are read by its pipeline and intakes, not through channels, and
 * carry no events.
 */
class HandlerTablesTest {

    @Test
    void everyTypeOnEveryChannelIsHandledOrIgnored() {
        EventHandlerCoverage.ofApplicationProperties().assertComplete(Map.of(
                Channels.DRAFTED_POSTS, ReplyProgressConsumer.HANDLERS,
                Channels.CLEARANCE_DECISIONS, ReplyProgressConsumer.HANDLERS,
                Channels.PUBLICATIONS, ReplyProgressConsumer.HANDLERS));
    }
}
