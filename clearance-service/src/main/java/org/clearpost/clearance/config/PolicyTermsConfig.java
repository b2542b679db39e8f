package org.clearpost.clearance.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Term lists for the impartiality (policy 3.1-3.3) and pre-election (3.4) checks. Terms match as whole words,
 * ignoring case. Maintained by the body; defaults in application.properties.
 */
@ConfigMapping(prefix = "clearpost.clearance.policy-terms")
public interface PolicyTermsConfig {

    /** Political parties (3.1). */
    Optional<List<String>> parties();

    /** Politicians (3.1). */
    Optional<List<String>> politicians();

    /** Commercial products, services and brands (3.3). */
    Optional<List<String>> products();

    /** Candidates in the election at hand, flagged while a pre-election period is in force (3.4). */
    Optional<List<String>> candidates();

    /**
     * Party-political accounts per network (key: network name in lower case, e.g. {@code x}; value: handles without
     * {@code @}). Reposting them is flagged (3.2) and, during a pre-election period, refused.
     */
    Map<String, List<String>> partyPoliticalAccounts();
}
