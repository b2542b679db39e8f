package org.clearpost.analytics.mentions;

import java.time.Instant;

/**
 * What the bucketing step remembers of one mention until its hour is closed: when it was written (to bucket its
 * triage, which carries no {@code mentionedAt}), and which of its dimensions have been counted (so a mention counts
 * once even if an event were delivered twice).
 *
 * @param late its hour was closed when it arrived: neither it nor its triage counts
 */
record SeenMention(Instant mentionedAt, boolean received, boolean triaged, boolean late) {
}
