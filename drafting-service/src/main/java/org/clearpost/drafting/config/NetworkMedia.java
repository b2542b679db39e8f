package org.clearpost.drafting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.Optional;
import org.clearpost.events.MediaKind;

/**
 * What media each network takes on one post ({@code clearpost.networks.media.<network>.*}, network in lower case).
 * application.properties holds every network's published limits; a network not configured takes no media.
 */
@ConfigMapping(prefix = "clearpost.networks.media")
public interface NetworkMedia {

    @WithParentName
    Map<String, Limits> networks();

    interface Limits {
        @WithDefault("0")
        @Min(0)
        int maxImages();

        @WithDefault("0")
        @Min(0)
        int maxVideos();

        @WithDefault("0")
        @Min(0)
        int maxAudio();

        /** Whether images, videos and audio may go together on one post. */
        @WithDefault("false")
        boolean mixed();

        @WithDefault("0")
        @Min(0)
        long maxImageBytes();

        @WithDefault("0")
        @Min(0)
        long maxVideoBytes();

        @WithDefault("0")
        @Min(0)
        long maxAudioBytes();

        /** The kind every post to the network must carry. */
        Optional<MediaKind> required();
    }
}
