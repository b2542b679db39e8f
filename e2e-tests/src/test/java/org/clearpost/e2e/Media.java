package org.clearpost.e2e;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Small media files drafting recognises by their bytes (its media store decides the kind from the magic numbers, not
 * the name): a real PNG, an ISO base media (MP4) video header, an ID3-tagged MP3. The networks in the sandbox keep
 * the bytes and their SHA-256; none decodes them.
 */
final class Media {

    private Media() {
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 64, 32);
        graphics.setColor(new Color(0, 112, 60));
        graphics.fillRect(8, 8, 12, 24);
        graphics.fillRect(28, 16, 12, 16);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An {@code ftyp} box (brand isom) and a little payload: a video as far as drafting's sniffing goes. */
    static byte[] mp4() {
        byte[] box = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p',
            '4', '1'};
        return concat(box, payload("mdat video frames ", 4096));
    }

    /** An ID3v2 tag header and a little payload: an MP3 as far as drafting's sniffing goes. */
    static byte[] mp3() {
        byte[] tag = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0};
        return concat(tag, payload("mpeg audio frames ", 4096));
    }

    private static byte[] payload(String text, int size) {
        byte[] unit = text.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = unit[i % unit.length];
        }
        return bytes;
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
