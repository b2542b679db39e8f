package org.clearpost.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.EventType;
import org.clearpost.events.PreElectionExemptionGranted;
import org.clearpost.events.PreElectionPeriodCancelled;
import org.clearpost.events.PreElectionPeriodDeclared;
import org.clearpost.events.PreElectionRefused;
import org.clearpost.events.PublishingResumed;
import org.clearpost.events.PublishingSuspended;
import org.clearpost.events.Topics;
import org.junit.jupiter.api.Test;

class EventHandlersTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");
    private static final PublishingSuspended SUSPENDED = new PublishingSuspended(UUID.randomUUID(), "lena",
            "Crisis", AT);
    private static final PublishingResumed RESUMED = new PublishingResumed(SUSPENDED.suspensionId(), "lena", null,
            AT.plusSeconds(60));

    @Test
    void dispatchHandsEachEventToItsHandlerWithTheContext() {
        List<String> seen = new ArrayList<>();
        EventHandlers<String> handlers = EventHandlers.<String>builder()
                .on(PublishingSuspended.class, suspended -> seen.add("suspended by " + suspended.suspendedBy()))
                .onWith(PublishingResumed.class, (resumed, context) -> seen.add("resumed in " + context))
                .build();

        handlers.dispatch(SUSPENDED, "first");
        handlers.dispatch(RESUMED, "second");

        assertThat(seen).containsExactly("suspended by lena", "resumed in second");
        assertThat(handlers.handled()).containsExactlyInAnyOrder(EventType.PUBLISHING_SUSPENDED,
                EventType.PUBLISHING_RESUMED);
    }

    @Test
    void anIgnoredTypeDoesNothingAndKeepsItsReason() {
        List<Object> seen = new ArrayList<>();
        EventHandlers<Void> handlers = EventHandlers.<Void>builder()
                .on(PublishingSuspended.class, seen::add)
                .ignore("the stop is lifted by a person, not by this consumer", PublishingResumed.class)
                .build();

        handlers.dispatch(RESUMED, null);

        assertThat(seen).isEmpty();
        assertThat(handlers.ignored()).containsOnlyKeys(EventType.PUBLISHING_RESUMED);
        assertThat(handlers.whyIgnored(EventType.PUBLISHING_RESUMED))
                .hasValue("the stop is lifted by a person, not by this consumer");
        assertThat(handlers.whyIgnored(EventType.PUBLISHING_SUSPENDED)).isEmpty();
    }

    @Test
    void aTypeTheTableDoesNotNameIsAnErrorNotADrop() {
        EventHandlers<Void> handlers = EventHandlers.<Void>builder().on(PublishingSuspended.class, e -> { })
                .build();

        assertThatThrownBy(() -> handlers.dispatch(RESUMED, null))
                .isInstanceOf(EventHandlers.UnhandledEventException.class)
                .hasMessageContaining(EventType.PUBLISHING_RESUMED.ceType());
    }

    @Test
    void aTypeNamedTwiceIsRefusedWhetherHandledOrIgnored() {
        assertThatThrownBy(() -> EventHandlers.<Void>builder().on(PublishingSuspended.class, e -> { })
                .onWith(PublishingSuspended.class, (e, c) -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PUBLISHING_SUSPENDED is named twice");
        assertThatThrownBy(() -> EventHandlers.<Void>builder().on(PublishingSuspended.class, e -> { })
                .ignore("not ours", PublishingSuspended.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PUBLISHING_SUSPENDED is named twice");
        assertThatThrownBy(() -> EventHandlers.<Void>builder()
                .ignore("not ours", PublishingResumed.class, PublishingResumed.class))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anIgnoreNeedsAReason() {
        assertThatThrownBy(() -> EventHandlers.<Void>builder().ignore(" ", PublishingResumed.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unaccountedForListsTheTypesOnTheTopicsTheTableDoesNotName() {
        EventHandlers<Void> handlers = EventHandlers.<Void>builder()
                .on(PreElectionPeriodDeclared.class, e -> { })
                .ignore("cancellations are read from the database", PreElectionPeriodCancelled.class)
                .build();

        assertThat(handlers.unaccountedFor(List.of(Topics.CLEARANCE_PRE_ELECTION_PERIODS))).containsExactlyInAnyOrder(
                EventType.PRE_ELECTION_REFUSED, EventType.PRE_ELECTION_EXEMPTION_GRANTED);
        // Only the topics asked about count: the publishing-control types are on another topic.
        assertThat(handlers.unaccountedFor(List.of(Topics.CLEARANCE_PRE_ELECTION_PERIODS)))
                .doesNotContain(EventType.PUBLISHING_SUSPENDED);
        assertThat(handlers.unaccountedFor(List.of(Topics.CLEARANCE_PRE_ELECTION_PERIODS,
                Topics.CLEARANCE_PUBLISHING_CONTROL))).contains(EventType.PUBLISHING_SUSPENDED,
                EventType.PUBLISHING_RESUMED);
        assertThat(handlers.unaccountedFor(List.of())).isEmpty();
    }

    @Test
    void aCompleteTableLeavesNothingUnaccountedFor() {
        EventHandlers<Void> handlers = EventHandlers.<Void>builder()
                .on(PreElectionPeriodDeclared.class, e -> { })
                .on(PreElectionRefused.class, e -> { })
                .ignore("not reported here", PreElectionPeriodCancelled.class,
                        PreElectionExemptionGranted.class)
                .build();

        assertThat(handlers.unaccountedFor(List.of(Topics.CLEARANCE_PRE_ELECTION_PERIODS))).isEmpty();
    }
}
