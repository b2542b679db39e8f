package org.clearpost.publisher.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

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

    LinkedIn linkedin();

    YouTube youtube();

    Flickr flickr();

    SoundCloud soundcloud();

    Bluesky bluesky();

    Mastodon mastodon();

    Threads threads();

    interface X {
        @WithDefault("https://api.x.com")
        URI baseUrl();
    }

    interface Facebook {
        /** Graph API root, version included. */
        @WithDefault("https://graph.facebook.com/v21.0")
        URI baseUrl();
    }

    interface LinkedIn {
        /** Root of the versioned REST API ({@code /rest/posts}, {@code /rest/images}). */
        @WithDefault("https://api.linkedin.com")
        URI baseUrl();

        /**
         * The {@code LinkedIn-Version} (YYYYMM) every call sends. LinkedIn serves each monthly version for about a
         * year and then answers 426 {@code NONEXISTENT_VERSION}: move it forward at least once a year.
         */
        @WithDefault("202611")
        String version();

        /** How many of the author's newest posts (or a post's comments) a look-up reads; LinkedIn pages at most 100. */
        @WithDefault("50")
        int lookupCount();
    }

    interface YouTube {
        /** Root of the Data API and its upload endpoint ({@code /upload/youtube/v3/videos}). */
        @WithDefault("https://www.googleapis.com")
        URI baseUrl();

        /** {@code status.privacyStatus} of every uploaded video: public, unlisted or private. */
        @WithDefault("public")
        String privacyStatus();

        /** {@code snippet.categoryId} (22: People &amp; Blogs). */
        @WithDefault("22")
        String categoryId();

        /** Bytes per upload request; Google wants a multiple of 256 KiB (the last chunk excepted). */
        @WithDefault("8388608")
        int chunkBytes();
    }

    interface Flickr {
        /** Root of the REST API ({@code /services/rest}) and OAuth ({@code /services/oauth/...}). */
        @WithDefault("https://www.flickr.com")
        URI baseUrl();

        /** Root of the upload API ({@code /services/upload/}). */
        @WithDefault("https://up.flickr.com")
        URI uploadUrl();

        /** The app's API key (OAuth 1.0a consumer key), from the environment; Flickr is off without it. */
        Optional<String> apiKey();

        /** The app's secret (OAuth 1.0a consumer secret), from the environment; never in the repository. */
        Optional<String> apiSecret();
    }

    interface SoundCloud {
        @WithDefault("https://api.soundcloud.com")
        URI baseUrl();
    }

    interface Bluesky {
        /** The account's PDS ({@code /xrpc/...}). */
        @WithDefault("https://bsky.social")
        URI baseUrl();
    }

    interface Mastodon {
        /** The body's instance. */
        @WithDefault("https://mastodon.social")
        URI baseUrl();
    }

    interface Threads {
        @WithDefault("https://graph.threads.net/v1.0")
        URI baseUrl();

        /** How often a media container's status is read while Threads processes it. */
        // ISO-8601: plain SmallRye config (the connector tests) reads no "2s".
        @WithDefault("PT2S")
        Duration statusPollInterval();

        /**
         * Longest wait for a container to be {@code FINISHED} in one try (Threads: "once per minute, for no more
         * than 5 minutes"); past it the try ends with a retry, and the next try publishes the same container.
         */
        @WithDefault("PT1M")
        Duration statusMaxWait();
    }
}
