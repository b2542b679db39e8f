package org.clearpost.publisher.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Our own rate budgets per network, on top of the networks' signals (account pauses): the posts one account, or the
 * whole app, may make per rolling window. A publication whose budget is spent is not claimed but put off until the
 * oldest post of the window leaves it. Defaults in application.properties come from the networks' published limits
 * (docs/../network-facts); a network without an entry has no budget of ours and is paced by its headers alone.
 */
@ConfigMapping(prefix = "clearpost.publisher.budgets")
public interface BudgetsConfig {

    /** By network name in lower case: {@code clearpost.publisher.budgets.network.linkedin.account.posts=150}. */
    Map<String, NetworkBudgets> network();

    interface NetworkBudgets {

        /** Posts one account may make per window. */
        Optional<Window> account();

        /** Posts all accounts together may make per window (the app's quota). */
        Optional<Window> app();
    }

    interface Window {

        int posts();

        Duration per();
    }
}
