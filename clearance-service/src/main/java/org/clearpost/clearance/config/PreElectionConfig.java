package org.clearpost.clearance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Pre-election period settings. */
@ConfigMapping(prefix = "clearpost.clearance.pre-election")
public interface PreElectionConfig {

    /**
     * Suggested pinned notice; {@code {period}} is the period's name, {@code {end}} its end date (London),
     * {@code {account}} and {@code {network}} the account it is for.
     */
    @WithDefault("During the {period} pre-election period this account will post only essential information. "
            + "Normal service resumes after {end}.")
    String noticeTemplate();
}
