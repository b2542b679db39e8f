package org.clearpost.sandbox.linkedin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The sandbox's LinkedIn: which API versions it serves and the daily cap on posts. Each key can be set through its
 * environment variable (CLEARPOST_SANDBOX_LINKEDIN_POSTS_PER_DAY, ...).
 */
@ConfigMapping(prefix = "clearpost.sandbox.linkedin")
public interface LinkedInSandboxConfig {

    /**
     * The oldest {@code LinkedIn-Version} (YYYYMM) still served: LinkedIn serves each monthly version for about a
     * year and answers 426 {@code NONEXISTENT_VERSION} to older ones (and to months not released yet).
     */
    @WithDefault("202512")
    String oldestActiveVersion();

    /**
     * Posts and comments one author may create per day (UTC): LinkedIn caps member and organisation posting at about
     * 150 a day and sends no rate-limit headers, only a 429 once the cap is reached.
     */
    @WithDefault("150")
    int postsPerDay();
}
