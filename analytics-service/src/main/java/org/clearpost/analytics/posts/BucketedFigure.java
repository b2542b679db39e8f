package org.clearpost.analytics.posts;

import java.time.Duration;
import org.clearpost.analytics.stream.FigureTopology;
import org.clearpost.events.figures.FigureType;

/**
 * A figure kept in time buckets (London days, ISO weeks), with a grace period and a retention, so the REST layer can
 * refuse a window longer than what the figure still holds ({@code retention()}), and operations can see how many events
 * came too late to count ({@code lateDropped()}).
 *
 * <p><b>Grace:</b> an event counts in the bucket of its own time as long as the figure's stream time (the latest event
 * time its task has seen) is no later than the bucket's end plus the grace period; an event later than that is dropped,
 * logged and counted ({@link #lateDropped()}, and the Micrometer counter {@code clearpost.analytics.late.events}
 * tagged with the figure), because the bucket may already have been pruned or reported as final.
 *
 * <p><b>Retention:</b> a punctuator on stream time deletes from the figure's store every bucket that ended more than
 * {@code retention()} before stream time. The figure's compacted topic keeps the rows (it is the analysts' history);
 * only the queryable store forgets them. Retention is always longer than the grace period plus one bucket, so a bucket
 * is never pruned while an event may still count in it.
 */
public interface BucketedFigure extends FigureTopology {

    FigureType figure();

    /** How late (in event time, after its bucket ended) an event may arrive and still count. */
    Duration grace();

    /** How long after its bucket ended a row stays in the figure's store (and so over REST). */
    Duration retention();

    /**
     * Changes dropped because they arrived after their bucket's grace period, since this bean started (an event that
     * touches several rows, e.g. a draft for two accounts, is one change per row).
     */
    long lateDropped();

    /** What the REST layer shows and holds windows to: this figure's own retention. */
    @Override
    default Duration retention(FigureType figure) {
        return retention();
    }

    @Override
    default Duration grace(FigureType figure) {
        return grace();
    }
}
