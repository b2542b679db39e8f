package org.clearpost.drafting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.clearpost.drafting.domain.checks.CheckMode;

/**
 * The body's content principles ({@code clearpost.content.*}): its own website, and each check's mode
 * ({@code OFF}, {@code WARN}, {@code BLOCK}) and thresholds. The checks themselves are in
 * {@code org.clearpost.drafting.domain.checks.ContentChecks}.
 */
@ConfigMapping(prefix = "clearpost.content")
public interface ContentPrinciples {

    /** The body's own website domains; a domain covers its subdomains. Links to them get UTM tags. */
    @WithDefault("ico.org.uk")
    @NotEmpty
    List<String> ownSiteDomains();

    Checks checks();

    interface Checks {

        ReadingEase readingEase();

        ReadingAge readingAge();

        /** Texts with fewer words are not scored for readability. */
        @WithDefault("12")
        @Min(1)
        int readabilityMinWords();

        Mode ownSiteLink();

        Mode utm();

        AltText altText();

        HashtagCase hashtagCase();

        Shouting shouting();

        Emoji emoji();
    }

    interface Mode {
        @WithDefault("WARN")
        CheckMode mode();
    }

    interface AltText {
        /** Blocking by default: an image without a description shuts out people who cannot see it. */
        @WithDefault("BLOCK")
        CheckMode mode();
    }

    interface ReadingEase {
        @WithDefault("WARN")
        CheckMode mode();

        /** Lowest acceptable Flesch reading ease, 0-100. */
        @WithDefault("50")
        double minScore();
    }

    interface ReadingAge {
        @WithDefault("WARN")
        CheckMode mode();

        /** Highest acceptable reading age in years (Flesch-Kincaid grade + 5). */
        @WithDefault("14")
        double maxAge();
    }

    interface HashtagCase {
        @WithDefault("WARN")
        CheckMode mode();

        /** Letters from which a one-case hashtag looks like run-together words. */
        @WithDefault("10")
        @Min(2)
        int minLength();
    }

    interface Shouting {
        @WithDefault("WARN")
        CheckMode mode();

        /** Highest acceptable share of capitals among letters, 0-1. */
        @WithDefault("0.5")
        @DecimalMin("0")
        @DecimalMax("1")
        double maxRatio();

        /** Texts with fewer letters are not judged. */
        @WithDefault("12")
        @Min(1)
        int minLetters();
    }

    interface Emoji {
        @WithDefault("WARN")
        CheckMode mode();

        /** Highest acceptable emoji per word. */
        @WithDefault("0.2")
        @DecimalMin("0")
        double maxPerWord();
    }
}
