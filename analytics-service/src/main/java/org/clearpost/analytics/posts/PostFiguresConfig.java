package org.clearpost.analytics.posts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Grace periods and retentions of the post figures (see {@link BucketedFigure}), and the bank holiday division of
 * business time. Defaults: a day's grace (an outage of the outbox relay overnight still counts where it belongs), a
 * bit over a year of days and two years of weeks (year-on-year comparisons, annual reports).
 */
@ConfigMapping(prefix = "clearpost.analytics.posts")
public interface PostFiguresConfig {

    @WithDefault("PT24H")
    Duration postActivityGrace();

    @WithDefault("P400D")
    Duration postActivityRetention();

    @WithDefault("PT24H")
    Duration turnaroundGrace();

    @WithDefault("P731D")
    Duration turnaroundRetention();

    /** How long pre-election reports remember each submission, to count it for a period declared after it. */
    @WithDefault("P400D")
    Duration preElectionSubmissionRetention();

    /** gov.uk's key of the bank holidays business time skips: england-and-wales, scotland, northern-ireland. */
    @WithDefault("england-and-wales")
    String bankHolidayDivision();
}
