package org.clearpost.analytics.stream;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.clearpost.events.EventType;

/**
 * The event types on analytics' topics that no figure reads, each with why: the "ignored on purpose" half of
 * analytics' one handler table ({@link AnalyticsTopology#handlerTable}); the other half is what the figure parts
 * consume. A type must never be in both: a part that starts reading one of these removes it here, in the same
 * change. {@code HandlerTableTest} fails when a type on {@code Topics.ALL} is in neither half.
 */
public final class IgnoredEvents {

    private static final Map<EventType, String> REASONS = new EnumMap<>(EventType.class);

    static {
        ignore("the emergency stop is an operational switch, not a measure of communications; the publisher's "
                + "outcomes (published, failed) are what the figures count",
                EventType.PUBLISHING_SUSPENDED, EventType.PUBLISHING_RESUMED);
        ignore("an alert for operations (a decision whose signature did not verify); the post it concerns is counted "
                + "by its clearance and publication events", EventType.DECISION_SIGNATURE_REJECTED);
        ignore("an account's connection is the publisher's operational state; the publications it held are counted "
                + "when they are published or fail", EventType.ACCOUNT_NEEDS_RECONNECT, EventType.ACCOUNT_CONNECTED);
        ignore("spikes are monitoring's alerting on the same mentions the mentions figures count one by one",
                EventType.MENTION_SPIKE_DETECTED, EventType.MENTION_SPIKE_ACKNOWLEDGED);
        ignore("the inbox's settings (triage rules, author lists, saved replies) shape how mentions are handled, and "
                + "the figures count the outcome (triage, answers), not the settings",
                EventType.TRIAGE_RULE_DEFINED, EventType.TRIAGE_RULE_DELETED, EventType.AUTHOR_LIST_CHANGED,
                EventType.SAVED_REPLY_DEFINED, EventType.SAVED_REPLY_DELETED);
        ignore("a reply being asked for is not yet a response: first-response time runs to MentionAnswered, and the "
                + "reply post itself is counted as a post (drafted, cleared, published)",
                EventType.MENTION_REPLY_REQUESTED);
        ignore("post-activity counts what was submitted, decided and published; a version withdrawn before its "
                + "decision was already counted as drafted and no figure counts withdrawals",
                EventType.POST_VERSION_WITHDRAWN);
        ignore("the inbox's workflow (assign, label, close) and its overdue alerts are monitoring's; the mention "
                + "figures count mentions as received and triaged, and first responses (MentionAnswered, with "
                + "whether it was within the SLA)", EventType.MENTION_ACTIONED, EventType.MENTION_OVERDUE);
        ignore("mentions-hourly breaks mentions down by the tracked query id their triage carries; a query's "
               + "definition or retirement changes no count", EventType.TRACKED_QUERY_DEFINED,
                EventType.TRACKED_QUERY_RETIRED);
    }

    private IgnoredEvents() {
    }

    private static void ignore(String why, EventType... types) {
        for (EventType type : types) {
            if (REASONS.put(type, why) != null) {
                throw new IllegalStateException(type + " is ignored twice");
            }
        }
    }

    /** Every ignored type with its reason. */
    public static Map<EventType, String> reasons() {
        return Collections.unmodifiableMap(REASONS);
    }
}
