package org.clearpost.sandbox.flickr;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The sandbox's Flickr: the one app (consumer) whose OAuth 1.0a signatures it accepts, and the user every
 * authorization grants. The defaults are test-only values, never a real app's.
 */
@ConfigMapping(prefix = "clearpost.sandbox.flickr")
public interface FlickrSandboxConfig {

    /** The app's API key ({@code oauth_consumer_key}); test-only value. */
    @WithDefault("sandbox-flickr-test-api-key")
    String consumerKey();

    /** The app's secret, the first half of every signing key; test-only value. */
    @WithDefault("sandbox-flickr-test-api-secret")
    String consumerSecret();

    /** The NSID of the user who approves every authorization. */
    @WithDefault("190000001@N05")
    String userNsid();

    @WithDefault("clearpost-sandbox")
    String username();

    /** How far a request's {@code oauth_timestamp} may be from the sandbox's clock. */
    @WithDefault("300")
    long timestampToleranceSeconds();
}
