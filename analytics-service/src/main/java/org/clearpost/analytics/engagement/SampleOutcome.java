package org.clearpost.analytics.engagement;

import java.util.List;
import org.clearpost.events.figures.PostEngagement;

/** What a newer sample changed: the target's new post-engagement row and the engagement-totals deltas it makes. */
record SampleOutcome(PostEngagement row, List<TotalsDelta> deltas) {
}
