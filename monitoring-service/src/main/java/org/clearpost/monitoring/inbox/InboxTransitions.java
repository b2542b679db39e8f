package org.clearpost.monitoring.inbox;

import static org.clearpost.events.MentionState.ANSWERED;
import static org.clearpost.events.MentionState.ASSIGNED;
import static org.clearpost.events.MentionState.AWAITING_CLEARANCE;
import static org.clearpost.events.MentionState.CLOSED;
import static org.clearpost.events.MentionState.NEW;
import static org.clearpost.events.MentionState.NO_RESPONSE_NEEDED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.clearpost.events.MentionState;

/**
 * The inbox's state machine, one table: which state a mention may move to from each state. A reply's clearance can
 * fail (rejected, or the publication failed), so AWAITING_CLEARANCE goes back to ASSIGNED; a closed or no-response
 * mention can be reopened (someone answers after all).
 */
public final class InboxTransitions {

    private static final Map<MentionState, Set<MentionState>> ALLOWED = new EnumMap<>(MentionState.class);

    static {
        ALLOWED.put(NEW, EnumSet.of(ASSIGNED, AWAITING_CLEARANCE, NO_RESPONSE_NEEDED, CLOSED));
        ALLOWED.put(ASSIGNED, EnumSet.of(NEW, AWAITING_CLEARANCE, NO_RESPONSE_NEEDED, CLOSED));
        ALLOWED.put(AWAITING_CLEARANCE, EnumSet.of(ASSIGNED, ANSWERED));
        ALLOWED.put(ANSWERED, EnumSet.of(CLOSED));
        ALLOWED.put(CLOSED, EnumSet.of(ASSIGNED));
        ALLOWED.put(NO_RESPONSE_NEEDED, EnumSet.of(ASSIGNED, CLOSED));
    }

    private InboxTransitions() {
    }

    public static boolean allowed(MentionState from, MentionState to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<MentionState> from(MentionState state) {
        return EnumSet.copyOf(ALLOWED.get(state));
    }
}
