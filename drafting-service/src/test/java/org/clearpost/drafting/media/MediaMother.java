package org.clearpost.drafting.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Media files as real encoders write them (images) or as their format's first bytes begin (audio, video). */
public final class MediaMother {

    private MediaMother() {
    }

    public static byte[] png(int width, int height) {
        return image("png", width, height);
    }

    public static byte[] jpeg(int width, int height) {
        return image("jpeg", width, height);
    }

    public static byte[] gif(int width, int height) {
        return image("gif", width, height);
    }

    public static byte[] webp() {
        return riff("WEBP", "VP8 ");
    }

    public static byte[] wav() {
        return riff("WAVE", "fmt ");
    }

    public static byte[] mp4() {
        return isoMedia("isom");
    }

    public static byte[] mov() {
        return isoMedia("qt  ");
    }

    public static byte[] m4a() {
        return isoMedia("M4A ");
    }

    public static byte[] mp3WithId3Tag() {
        return padded(new byte[] { 'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0 }, 64);
    }

    /** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: how an MP3 without tags starts. */
    public static byte[] mp3Frame() {
        return padded(new byte[] { (byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64 }, 64);
    }

    /** AAC in ADTS framing shares MP3's sync bits but is not MP3. */
    public static byte[] aacAdts() {
        return padded(new byte[] { (byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80 }, 64);
    }

    public static byte[] pdf() {
        return padded("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 64);
    }

    /** {@code size} bytes that begin like a PNG. */
    public static byte[] pngOfSize(int size) {
        byte[] png = png(2, 2);
        return Arrays.copyOf(png, size);
    }

    private static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] riff(String form, String firstChunk) {
        byte[] head = ("RIFF\u0024\0\0\0" + form + firstChunk).getBytes(StandardCharsets.ISO_8859_1);
        return padded(head, 64);
    }

    private static byte[] isoMedia(String brand) {
        byte[] head = ("\0\0\0\u0018ftyp" + brand + "\0\0\0\0isommp42").getBytes(StandardCharsets.ISO_8859_1);
        return padded(head, 64);
    }

    private static byte[] padded(byte[] head, int size) {
        return Arrays.copyOf(head, Math.max(size, head.length));
    }
}
