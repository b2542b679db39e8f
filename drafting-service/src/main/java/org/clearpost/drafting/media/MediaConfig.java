package org.clearpost.drafting.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import org.clearpost.events.MediaKind;

/** Where uploaded media is kept, how big it may be, and the address the publisher fetches it from. */
@ConfigMapping(prefix = "clearpost.drafting")
public interface MediaConfig {

    /** This service as the publisher reaches it; media URLs in events start with it. */
    @WithDefault("http://localhost:8081")
    String publicBaseUrl();

    Media media();

    interface Media {

        /** The filesystem media store's directory (a persistent volume in Kubernetes). */
        @WithDefault("data/media")
        String directory();

        MaxBytes maxBytes();
    }

    /** The largest file accepted of each kind; also keep {@code quarkus.http.limits.max-body-size} above them. */
    interface MaxBytes {

        @WithDefault("20971520")
        @Positive
        long image();

        @WithDefault("536870912")
        @Positive
        long video();

        @WithDefault("209715200")
        @Positive
        long audio();
    }

    default long maxBytes(MediaKind kind) {
        return switch (kind) {
            case IMAGE -> media().maxBytes().image();
            case VIDEO -> media().maxBytes().video();
            case AUDIO -> media().maxBytes().audio();
        };
    }
}
