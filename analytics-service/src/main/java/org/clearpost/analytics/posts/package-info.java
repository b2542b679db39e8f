/**
 * The post figures, as parts of analytics' Kafka Streams topology ({@code FigureTopology} beans):
 * <ul>
 * <li>{@link org.clearpost.analytics.posts.PostActivityTopology} (order 100): {@code post-activity}, per London day,
 * network, account and campaign;</li>
 * <li>{@link org.clearpost.analytics.posts.ClearanceTurnaroundTopology} (order 110): {@code clearance-turnaround},
 * per route and ISO week, business and wall-clock p50/p90/max from t-digests kept in the row;</li>
 * <li>{@link org.clearpost.analytics.posts.PreElectionReportTopology} (order 120): {@code pre-election-reports}, per
 * period.</li>
 * </ul>
 *
 * <p>Each reads the events it names in its own {@code EventHandlers} table, keeps per-post-version state in a first
 * stage keyed by post id, repartitions its changes by the figure's key through an explicitly named topic
 * ({@code <figure>-by-row}, {@code pre-election-reports-by-period}), and keeps the rows in the store
 * {@code FigureStores.storeName(type)}, written to the figure's topic through {@code FigureSink}. Rows' {@code asOf} is
 * the latest event time they reflect, so a rebuild from the topics gives the same rows.
 *
 * <p>The time-bucketed figures implement {@link org.clearpost.analytics.posts.BucketedFigure}: grace period (events
 * later than their bucket's end plus the grace are dropped, logged and counted in
 * {@code clearpost.analytics.late.events}) and retention (older buckets are pruned from the store; the REST layer
 * reads {@code BucketedFigure.retention()} to refuse a longer window). Configured by
 * {@link org.clearpost.analytics.posts.PostFiguresConfig} ({@code clearpost.analytics.posts.*}): defaults a day's
 * grace, 400 days of post activity, 731 days of turnaround weeks, bank holidays of England and Wales.
 *
 * <p>A rebuild gives identical rows when the events are read in the same order; read in another interleaving of the
 * topics, the counts are the same except for events that one order reads within the grace period and the other after
 * it (stream time advances per task as records are read).
 */
package org.clearpost.analytics.posts;
