package org.clearpost.publisher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where the networks' APIs are; the local platform and the tests point them at the network sandbox. */
@ConfigMapping(prefix = "clearpost.networks")
public interface NetworksConfig {

    /** Longest wait for a connection; nothing has been sent when it runs out, so the call is retried. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Longest wait for the answer once the request is sent. */
    @WithDefault("20s")
    Duration requestTimeout();

    X x();

    Facebook facebook();

    interface X {
        @WithDefault("https://api.x.com")
        URI baseUrl();
    }

    interface Facebook {
        /** Graph API root, version included. */
        @WithDefault("https://graph.facebook.com/v21.0")
        URI baseUrl();
    }
}
