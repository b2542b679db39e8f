package org.clearpost.drafting.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.drafting.domain.rules.MediaProblem.Code;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

class MediaRulesTest {

    private static final long MB = 1 << 20;
    private static final MediaRules RULES = new MediaRules(Map.of(
            Network.X, new MediaLimits(4, 1, 0, false, 5 * MB, 512 * MB, 0, null),
            Network.YOUTUBE, new MediaLimits(0, 1, 0, false, 0, 256L * 1024 * MB, 0, MediaKind.VIDEO),
            Network.FLICKR, new MediaLimits(1, 0, 0, false, 200 * MB, 0, 0, MediaKind.IMAGE),
            Network.SOUNDCLOUD, new MediaLimits(0, 0, 1, false, 0, 0, 4096 * MB, MediaKind.AUDIO),
            Network.THREADS, new MediaLimits(10, 10, 0, true, 8 * MB, 1024 * MB, 0, null)));

    private static MediaItem item(MediaKind kind, long bytes) {
        return new MediaItem(UUID.randomUUID(), kind, "x/y", bytes, "0".repeat(64), "alt", null, null);
    }

    private static List<Code> codes(Network network, List<MediaItem> media) {
        return RULES.validate(network, media).stream().map(MediaProblem::code).toList();
    }

    @Test
    void xTakesUpToFourImagesOrOneVideo() {
        assertThat(codes(Network.X, List.of())).isEmpty();
        assertThat(codes(Network.X, Collections.nCopies(4, item(MediaKind.IMAGE, MB)))).isEmpty();
        assertThat(RULES.validate(Network.X, Collections.nCopies(5, item(MediaKind.IMAGE, MB))))
                .singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo(Code.TOO_MANY_MEDIA);
                    assertThat(p.index()).isEqualTo(4);
                    assertThat(p.message()).contains("at most 4 images");
                });
        assertThat(codes(Network.X, List.of(item(MediaKind.VIDEO, MB), item(MediaKind.VIDEO, MB))))
                .containsExactly(Code.TOO_MANY_MEDIA);
        assertThat(codes(Network.X, List.of(item(MediaKind.IMAGE, MB), item(MediaKind.VIDEO, MB))))
                .containsExactly(Code.MIXED_MEDIA);
    }

    @Test
    void aFileTooLargeIsNamedWithBothSizes() {
        assertThat(RULES.validate(Network.X, List.of(item(MediaKind.IMAGE, 6 * MB)))).singleElement()
                .satisfies(p -> {
                    assertThat(p.code()).isEqualTo(Code.MEDIA_TOO_LARGE);
                    assertThat(p.message()).contains("5.0 MB").contains("6.0 MB");
                });
    }

    @Test
    void youTubeNeedsAVideoFlickrAPhotoSoundCloudAudio() {
        assertThat(codes(Network.YOUTUBE, List.of())).containsExactly(Code.MEDIA_REQUIRED);
        assertThat(codes(Network.YOUTUBE, List.of(item(MediaKind.VIDEO, MB)))).isEmpty();
        assertThat(codes(Network.FLICKR, List.of(item(MediaKind.VIDEO, MB))))
                .containsExactly(Code.MEDIA_REQUIRED, Code.MEDIA_KIND_NOT_ALLOWED);
        assertThat(codes(Network.FLICKR, List.of(item(MediaKind.IMAGE, MB)))).isEmpty();
        assertThat(codes(Network.SOUNDCLOUD, List.of(item(MediaKind.AUDIO, MB)))).isEmpty();
        assertThat(codes(Network.SOUNDCLOUD, List.of(item(MediaKind.IMAGE, MB))))
                .containsExactly(Code.MEDIA_REQUIRED, Code.MEDIA_KIND_NOT_ALLOWED);
    }

    @Test
    void mixingIsAllowedWhereTheNetworkSaysSo() {
        assertThat(codes(Network.THREADS, List.of(item(MediaKind.IMAGE, MB), item(MediaKind.VIDEO, MB)))).isEmpty();
    }

    @Test
    void aNetworkWithoutLimitsTakesNoMedia() {
        assertThat(codes(Network.BLUESKY, List.of(item(MediaKind.IMAGE, MB))))
                .containsExactly(Code.MEDIA_KIND_NOT_ALLOWED);
    }
}
