package org.clearpost.publisher;

import java.util.Map;
import org.clearpost.publisher.messaging.Channels;
import org.clearpost.publisher.messaging.ClearedPostConsumer;
import org.clearpost.publisher.messaging.PublishingControlConsumer;
import org.clearpost.publisher.messaging.WithdrawnVersionConsumer;
import org.clearpost.testing.EventHandlerCoverage;
import org.junit.jupiter.api.Test;

/**
 * Every event type on the topics the publisher's channels read is handled or ignored on purpose (plain JUnit: the
 * tables are static, the topics come from application.properties). A type added to one of those topics fails here
 * first. (The publisher's own metrics topic, which only analytics reads, is no channel of its own.)
 */
class HandlerTablesTest {

    @Test
    void everyTypeOnEveryChannelIsHandledOrIgnored() {
        EventHandlerCoverage.ofApplicationProperties().assertComplete(Map.of(
                Channels.CLEARANCE_DECISIONS, ClearedPostConsumer.HANDLERS,
                Channels.PUBLISHING_CONTROL, PublishingControlConsumer.HANDLERS,
                Channels.DRAFTING_POSTS, WithdrawnVersionConsumer.HANDLERS));
    }
}
