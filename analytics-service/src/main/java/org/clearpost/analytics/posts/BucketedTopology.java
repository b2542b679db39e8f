package org.clearpost.analytics.posts;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.clearpost.analytics.stream.FigureTopology;
import org.clearpost.events.figures.FigureType;

/**
 * What every bucketed figure's topology holds the same way: its one figure, its place in the topology, its grace
 * period and retention (checked against the bucket length once, here) and the count of changes dropped as too late,
 * which its {@link BucketRows} stage adds to.
 */
public abstract class BucketedTopology implements FigureTopology, BucketedFigure {

    // Not final: normal-scoped beans get a generated no-args constructor for their client proxy, which cannot set them.
    private FigureType figure;
    private int order;
    private Duration grace;
    private Duration retention;
    private final AtomicLong lateDropped = new AtomicLong();

    /** For the client proxy CDI makes of an {@code @ApplicationScoped} subclass; never used to build a figure. */
    protected BucketedTopology() {
    }

    /**
     * @param bucket the longest a bucket can last (a London day is 25 hours at most), for the retention check
     * @throws IllegalArgumentException if the retention could prune a bucket while an event may still count in it
     */
    protected BucketedTopology(FigureType figure, int order, Duration bucket, Duration grace, Duration retention) {
        BucketRows.checkWindows(figure.figureName(), grace, bucket, retention);
        this.figure = figure;
        this.order = order;
        this.grace = grace;
        this.retention = retention;
    }

    @Override
    public Set<FigureType> figures() {
        return Set.of(figure);
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public FigureType figure() {
        return figure;
    }

    @Override
    public Duration grace() {
        return grace;
    }

    @Override
    public Duration retention() {
        return retention;
    }

    @Override
    public long lateDropped() {
        return lateDropped.get();
    }

    /** The counter the figure's {@link BucketRows} stage adds its late drops to. */
    protected AtomicLong lateDroppedCounter() {
        return lateDropped;
    }
}
