package org.clearpost.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.clearpost.drafting.mention.MentionConsumer;
import org.clearpost.drafting.messaging.PostOutcomeConsumer;
import org.clearpost.events.EventType;
import org.clearpost.testing.EventHandlerCoverage;
import org.junit.jupiter.api.Test;

/**
 * Every event type on the topics drafting's channels read is handled or ignored on purpose (plain JUnit: the tables
 * are static, the topics come from application.properties). A type added to one of those topics fails here first.
 */
class HandlerTablesTest {

    @Test
    void everyTypeOnEveryChannelIsHandledOrIgnored() {
        EventHandlerCoverage.ofApplicationProperties().assertComplete(Map.of(
                Channels.CLEARANCE_DECISIONS, PostOutcomeConsumer.HANDLERS,
                Channels.PUBLICATIONS, PostOutcomeConsumer.HANDLERS,
                MentionConsumer.MENTIONS, MentionConsumer.HANDLERS));
    }

    @Test
    void clearanceBookkeepingIsIgnoredWithItsReasonAndDecisionsAreHandled() {
        assertThat(PostOutcomeConsumer.HANDLERS.handled()).contains(EventType.POST_CLEARED,
                EventType.POST_REJECTED, EventType.CHANGES_REQUESTED, EventType.POST_PUBLISHED,
                EventType.PUBLICATION_FAILED);
        assertThat(PostOutcomeConsumer.HANDLERS.ignored()).containsOnlyKeys(EventType.CLEARANCE_CASE_OPENED,
                EventType.CLEARANCE_OVERDUE, EventType.CLEARANCE_REROUTED);
        assertThat(MentionConsumer.HANDLERS.handled()).containsExactlyInAnyOrder(EventType.MENTION_RECEIVED,
                EventType.MENTION_REPLY_REQUESTED);
    }
}
