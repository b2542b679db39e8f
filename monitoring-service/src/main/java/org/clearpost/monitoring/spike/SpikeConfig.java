package org.clearpost.monitoring.spike;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Spike detection per tracked query over 5-minute windows (README "Themes and spikes"). */
@ConfigMapping(prefix = "clearpost.monitoring.spikes")
public interface SpikeConfig {

    /** How often the detector looks for windows that closed. */
    @WithDefault("30s")
    Duration interval();

    /** How long after a window's end it is still counted (a batch received at 12:04:59 commits a moment later). */
    @WithDefault("1m")
    Duration grace();

    /** Weight of the newest window in the exponentially weighted mean and variance (0.2: about the last 10 windows). */
    @WithDefault("0.2")
    double alpha();

    /** Deviations above the mean at which a window is a spike. */
    @WithDefault("4")
    double threshold();

    /** Fewest mentions in a window for a spike: 3 mentions after a quiet week are not a crisis. */
    @WithDefault("20")
    long minCount();

    /** Floor of the deviation the score divides by, so a query that was always silent has a finite score. */
    @WithDefault("1")
    double minDeviation();

    /** Windows a query's baseline must have seen before it can report a spike. */
    @WithDefault("0")
    long warmUpWindows();

    /** A baseline further behind than this (detector stopped) skips ahead rather than replaying every window. */
    @WithDefault("7d")
    Duration maxCatchUp();

    /** Themes named in a spike, largest first. */
    @WithDefault("3")
    int topThemes();

    /** Sample mentions named in a spike, highest priority first. */
    @WithDefault("5")
    int samples();
}
