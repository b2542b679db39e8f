package org.clearpost.monitoring.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.events.MentionState.ANSWERED;
import static org.clearpost.events.MentionState.ASSIGNED;
import static org.clearpost.events.MentionState.AWAITING_CLEARANCE;
import static org.clearpost.events.MentionState.CLOSED;
import static org.clearpost.events.MentionState.NEW;
import static org.clearpost.events.MentionState.NO_RESPONSE_NEEDED;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import org.clearpost.events.MentionState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The inbox's state table, every pair: what may follow each state, and what the lifecycle needs of it. */
class InboxTransitionsTest {

    /** Written out again, independently of the table, so that a change to either is a decision made twice. */
    private static Set<MentionState> expected(MentionState from) {
        return switch (from) {
            case NEW -> EnumSet.of(ASSIGNED, AWAITING_CLEARANCE, NO_RESPONSE_NEEDED, CLOSED);
            case ASSIGNED -> EnumSet.of(NEW, AWAITING_CLEARANCE, NO_RESPONSE_NEEDED, CLOSED);
            case AWAITING_CLEARANCE -> EnumSet.of(ASSIGNED, ANSWERED);
            case ANSWERED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.of(ASSIGNED);
            case NO_RESPONSE_NEEDED -> EnumSet.of(ASSIGNED, CLOSED);
        };
    }

    @ParameterizedTest
    @EnumSource(MentionState.class)
    void everyPairIsAllowedExactlyAsTheTableSays(MentionState from) {
        for (MentionState to : MentionState.values()) {
            assertThat(InboxTransitions.allowed(from, to)).as(from + " → " + to)
                    .isEqualTo(expected(from).contains(to));
        }
        assertThat(InboxTransitions.from(from)).isEqualTo(expected(from));
    }

    @ParameterizedTest
    @EnumSource(MentionState.class)
    void noStateMovesToItself(MentionState state) {
        // MentionStates leaves a mention already in the target state alone; the table never lists the no-op.
        assertThat(InboxTransitions.allowed(state, state)).isFalse();
    }

    @Test
    void onlyAReplyInClearanceIsAnswered() {
        for (MentionState from : MentionState.values()) {
            assertThat(InboxTransitions.allowed(from, ANSWERED)).as(from + " → ANSWERED")
                    .isEqualTo(from == AWAITING_CLEARANCE);
        }
    }

    @Test
    void aReplyThatFailsClearanceGoesBackToItsOwner() {
        assertThat(InboxTransitions.allowed(AWAITING_CLEARANCE, ASSIGNED)).isTrue();
        assertThat(InboxTransitions.allowed(AWAITING_CLEARANCE, NEW)).isFalse();
        assertThat(InboxTransitions.allowed(AWAITING_CLEARANCE, CLOSED)).isFalse();
    }

    @Test
    void anAnsweredMentionCanOnlyBeClosedAndAClosedOneOnlyReopened() {
        assertThat(InboxTransitions.from(ANSWERED)).containsExactly(CLOSED);
        assertThat(InboxTransitions.from(CLOSED)).containsExactly(ASSIGNED);
    }

    @Test
    void fromEveryStateEveryOtherStateIsReachable() {
        for (MentionState start : MentionState.values()) {
            Set<MentionState> seen = EnumSet.of(start);
            Deque<MentionState> queue = new ArrayDeque<>(seen);
            while (!queue.isEmpty()) {
                for (MentionState next : InboxTransitions.from(queue.poll())) {
                    if (seen.add(next)) {
                        queue.add(next);
                    }
                }
            }
            assertThat(seen).as("reachable from " + start).containsExactlyInAnyOrder(MentionState.values());
        }
    }

    @Test
    void fromGivesACopy() {
        InboxTransitions.from(NEW).clear();
        assertThat(InboxTransitions.from(NEW)).isNotEmpty();
    }
}
