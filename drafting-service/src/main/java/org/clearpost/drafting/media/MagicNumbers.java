package org.clearpost.drafting.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.clearpost.events.MediaKind;

/**
 * Recognises the media types Clearpost accepts from a file's first bytes. The file name and the Content-Type the
 * browser sent are not trusted: a renamed file, or one labelled by a misconfigured client, is what its bytes say.
 */
public final class MagicNumbers {

    /** How many leading bytes {@link #detect} needs to decide. */
    public static final int HEAD_LENGTH = 16;

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

    private MagicNumbers() {
    }

    public static Optional<DetectedType> detect(byte[] head) {
        if (startsWith(head, 0, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
            return of(MediaKind.IMAGE, "image/jpeg");
        }
        if (startsWith(head, 0, PNG)) {
            return of(MediaKind.IMAGE, "image/png");
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return of(MediaKind.IMAGE, "image/gif");
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return of(MediaKind.IMAGE, "image/webp");
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) {
            return of(MediaKind.AUDIO, "audio/wav");
        }
        if (ascii(head, 4, "ftyp") && head.length >= 12) {
            return isoMedia(new String(head, 8, 4, StandardCharsets.ISO_8859_1));
        }
        if (ascii(head, 0, "ID3") || isMpegAudioFrame(head)) {
            return of(MediaKind.AUDIO, "audio/mpeg");
        }
        return Optional.empty();
    }

    /** ISO base media files (MP4, MOV, M4A) say what they are in the major brand after {@code ftyp}. */
    private static Optional<DetectedType> isoMedia(String brand) {
        return switch (brand) {
            case "qt  " -> of(MediaKind.VIDEO, "video/quicktime");
            case "M4A ", "M4B " -> of(MediaKind.AUDIO, "audio/mp4");
            // HEIF/AVIF stills share the container but are not video; the networks do not take them as media.
            case "heic", "heix", "mif1", "msf1", "avif" -> Optional.empty();
            default -> of(MediaKind.VIDEO, "video/mp4");
        };
    }

    /**
     * An MPEG audio frame header with no ID3 tag in front: 11 sync bits, then a version, layer, bit rate and sample
     * rate that are not the reserved values. The reserved checks keep JPEG (FF D8) and AAC ADTS (layer 00) out.
     */
    private static boolean isMpegAudioFrame(byte[] head) {
        if (head.length < 3 || (head[0] & 0xFF) != 0xFF || (head[1] & 0xE0) != 0xE0) {
            return false;
        }
        int version = (head[1] >> 3) & 0x03;
        int layer = (head[1] >> 1) & 0x03;
        int bitrate = (head[2] >> 4) & 0x0F;
        int sampleRate = (head[2] >> 2) & 0x03;
        return version != 1 && layer != 0 && bitrate != 0x0F && sampleRate != 3;
    }

    private static Optional<DetectedType> of(MediaKind kind, String contentType) {
        return Optional.of(new DetectedType(kind, contentType));
    }

    private static boolean ascii(byte[] head, int offset, String text) {
        return startsWith(head, offset, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] head, int offset, byte[] prefix) {
        return head.length >= offset + prefix.length
                && Arrays.equals(head, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
