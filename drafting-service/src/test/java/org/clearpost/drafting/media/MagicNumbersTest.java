package org.clearpost.drafting.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.clearpost.events.MediaKind;
import org.junit.jupiter.api.Test;

class MagicNumbersTest {

    @Test
    void images() {
        assertThat(detect(MediaMother.jpeg(4, 3))).contains(new DetectedType(MediaKind.IMAGE, "image/jpeg"));
        assertThat(detect(MediaMother.png(4, 3))).contains(new DetectedType(MediaKind.IMAGE, "image/png"));
        assertThat(detect(MediaMother.gif(4, 3))).contains(new DetectedType(MediaKind.IMAGE, "image/gif"));
        assertThat(detect(MediaMother.webp())).contains(new DetectedType(MediaKind.IMAGE, "image/webp"));
    }

    @Test
    void videos() {
        assertThat(detect(MediaMother.mp4())).contains(new DetectedType(MediaKind.VIDEO, "video/mp4"));
        assertThat(detect(MediaMother.mov())).contains(new DetectedType(MediaKind.VIDEO, "video/quicktime"));
    }

    @Test
    void audio() {
        assertThat(detect(MediaMother.mp3WithId3Tag())).contains(new DetectedType(MediaKind.AUDIO, "audio/mpeg"));
        assertThat(detect(MediaMother.mp3Frame())).contains(new DetectedType(MediaKind.AUDIO, "audio/mpeg"));
        assertThat(detect(MediaMother.wav())).contains(new DetectedType(MediaKind.AUDIO, "audio/wav"));
        assertThat(detect(MediaMother.m4a())).contains(new DetectedType(MediaKind.AUDIO, "audio/mp4"));
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(detect(MediaMother.pdf())).isEmpty();
        assertThat(detect(MediaMother.aacAdts())).isEmpty();
        assertThat(detect("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes())).isEmpty();
        assertThat(detect(new byte[0])).isEmpty();
        assertThat(detect(new byte[] { (byte) 0xFF })).isEmpty();
    }

    @Test
    void aHeadCutShortOfTheMagicIsUnknown() {
        assertThat(detect(Arrays.copyOf(MediaMother.png(1, 1), 5))).isEmpty();
        assertThat(detect(Arrays.copyOf(MediaMother.webp(), 10))).isEmpty();
    }

    private static Optional<DetectedType> detect(byte[] file) {
        return MagicNumbers.detect(Arrays.copyOf(file, Math.min(file.length, MagicNumbers.HEAD_LENGTH)));
    }
}
