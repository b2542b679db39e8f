package org.clearpost.monitoring.theme;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Grouping of near-duplicate mentions into themes (README "Themes and spikes"). */
@ConfigMapping(prefix = "clearpost.monitoring.themes")
public interface ThemeConfig {

    /** MinHash values per signature. Changing it (or {@code bands}) makes stored signatures incomparable. */
    @WithDefault("60")
    int hashes();

    /** LSH bands the signature is cut into; must divide {@code hashes}. */
    @WithDefault("20")
    int bands();

    /** Estimated Jaccard similarity of word 2-grams at which a mention joins a theme. */
    @WithDefault("0.5")
    double threshold();

    /** A theme is open (can be joined, is listed) while its latest mention is at most this old. */
    @WithDefault("24h")
    Duration window();

    /** Texts with fewer words (after dropping links and handles) join no theme: too short to call near-duplicates. */
    @WithDefault("3")
    int minWords();

    /** Whether {@code @handles} count as words (off: replies to different people with the same text group). */
    @WithDefault("false")
    boolean keepHandles();

    /** Characters of the first mention's text kept as the theme's label. */
    @WithDefault("140")
    int labelLength();

    /** Smallest theme {@code GET /themes} lists by default (a theme of one is a mention nobody repeated). */
    @WithDefault("2")
    int listMinSize();

    /** How often the LSH keys of themes closed longer than the window are deleted. */
    @WithDefault("10m")
    Duration pruneInterval();
}
