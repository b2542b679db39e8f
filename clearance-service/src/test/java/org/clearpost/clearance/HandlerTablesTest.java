package org.clearpost.clearance;

import java.util.Map;
import org.clearpost.clearance.audit.PublicationOutcomeConsumer;
import org.clearpost.clearance.messaging.DraftedPostConsumer;
import org.clearpost.testing.EventHandlerCoverage;
import org.junit.jupiter.api.Test;

/**
 * Every event type on the topics clearance's channels read is handled or ignored on purpose (plain JUnit: the tables
 * are static, the topics come from application.properties). A type added to one of those topics fails here first.
 */
class HandlerTablesTest {

    @Test
    void everyTypeOnEveryChannelIsHandledOrIgnored() {
        EventHandlerCoverage.ofApplicationProperties().assertComplete(Map.of(
                Channels.DRAFTED_POSTS, DraftedPostConsumer.HANDLERS,
                Channels.PUBLICATIONS, PublicationOutcomeConsumer.HANDLERS));
    }
}
