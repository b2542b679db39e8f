package org.clearpost.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.clearpost.events.ClearanceOverdue;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostRejected;
import org.clearpost.events.PublishingResumed;
import org.clearpost.events.PublishingSuspended;
import org.clearpost.events.Topics;
import org.clearpost.support.inbox.EventHandlers;
import org.junit.jupiter.api.Test;

class EventHandlerCoverageTest {

    private static final EventHandlers<Void> CONTROL = EventHandlers.<Void>builder()
            .on(PublishingSuspended.class, e -> { }).on(PublishingResumed.class, e -> { }).build();
    /** Names only three of the decisions topic's types. */
    private static final EventHandlers<Void> SOME_DECISIONS = EventHandlers.<Void>builder()
            .on(PostCleared.class, e -> { })
            .ignore("not ours", PostRejected.class, ClearanceOverdue.class).build();

    @Test
    void readsEachChannelsTopicOrTopicsButNotProfiledOrOtherKeys() {
        EventHandlerCoverage coverage = EventHandlerCoverage.of(properties());

        assertThat(coverage.channels()).containsExactly("decisions", "everything", "publishing-control");
        assertThat(coverage.topicsOf("everything")).containsExactly(Topics.CLEARANCE_DECISIONS,
                Topics.CLEARANCE_PUBLISHING_CONTROL);
        assertThat(coverage.topicsOf("publishing-control")).containsExactly(Topics.CLEARANCE_PUBLISHING_CONTROL);
        assertThatThrownBy(() -> coverage.topicsOf("renamed")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Channel renamed has no mp.messaging.incoming.renamed.topic(s)");
    }

    @Test
    void aCompleteTablePassesAndAnIncompleteOneFailsNamingEachTypeLeftOut() {
        EventHandlerCoverage coverage = EventHandlerCoverage.of(properties());

        coverage.assertAccountsFor(CONTROL, "publishing-control");
        assertThatThrownBy(() -> coverage.assertAccountsFor(SOME_DECISIONS, "decisions"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ChangesRequested (clearpost.post.changes-requested.v1 on "
                        + Topics.CLEARANCE_DECISIONS + ")")
                .hasMessageContaining("ClearanceRerouted").hasMessageContaining("ClearanceCaseOpened")
                .message().doesNotContain("PostCleared (").doesNotContain("PostRejected (")
                .doesNotContain("ClearanceOverdue (");
        // A table complete for one topic is not for the channel reading two.
        assertThatThrownBy(() -> coverage.assertAccountsFor(CONTROL, "everything"))
                .hasMessageContaining("PostCleared (");
    }

    @Test
    void theWholeServiceCheckNamesAChannelWithoutATableAndATableForNoChannel() {
        EventHandlerCoverage coverage = EventHandlerCoverage.of(properties());

        assertThatThrownBy(() -> coverage.assertComplete(Map.of("publishing-control", CONTROL, "gone", CONTROL)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("incoming channel(s) [decisions, everything] have no handler table under test")
                .hasMessageContaining("Channel gone has no");
    }

    @Test
    void readsTheApplicationPropertiesOnTheClasspathOrSaysItIsMissing() {
        assertThatThrownBy(() -> EventHandlerCoverage.ofResource("no-such.properties"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no-such.properties");
    }

    private static Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("mp.messaging.incoming.decisions.connector", "smallrye-kafka");
        properties.setProperty("mp.messaging.incoming.decisions.topic", Topics.CLEARANCE_DECISIONS);
        properties.setProperty("mp.messaging.incoming.publishing-control.topic", Topics.CLEARANCE_PUBLISHING_CONTROL);
        properties.setProperty("mp.messaging.incoming.everything.topics",
                Topics.CLEARANCE_DECISIONS + ", " + Topics.CLEARANCE_PUBLISHING_CONTROL);
        properties.setProperty("%dev.mp.messaging.incoming.dev-only.topic", Topics.PUBLISHER_METRICS);
        properties.setProperty("mp.messaging.outgoing.sent.topic", Topics.PUBLISHER_METRICS);
        properties.setProperty("mp.messaging.incoming.decisions.auto.offset.reset", "earliest");
        return properties;
    }
}
