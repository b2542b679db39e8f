package org.clearpost.publisher.network;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * The record key of a step's Bluesky post, derived from its step key alone so that every try of the step, on any
 * instance, even after a crash that lost everything in memory, writes the same {@code at://did/app.bsky.feed.post/rkey}:
 * the PDS refuses to create a record where one already is, so a retry can never make a second post.
 *
 * <p>Bluesky takes a client-chosen key for a post only when it is a TID: 13 base32-sortable characters of a 64-bit
 * number whose top bit is clear, the next 53 bits a time in microseconds and the last 10 a clock id. The time here is
 * not the time of the call (that would differ between tries): it is 2023-01-01 plus up to 2^42 µs (about 51 days)
 * taken from the step key's SHA-256, with 10 more hash bits as clock id, 52 bits in all. A TID's time is only a
 * recommendation of the spec; Bluesky orders feeds by {@code createdAt} and the time it indexed a post, not by its key.
 */
public final class BlueskyTid {

    private static final String BASE32_SORTABLE = "234567abcdefghijklmnopqrstuvwxyz";
    private static final long EPOCH_MICROS = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli() * 1000;

    private BlueskyTid() {
    }

    public static String fromStepKey(String stepKey) {
        long hash = ByteBuffer.wrap(sha256(stepKey)).getLong();
        long micros = EPOCH_MICROS + (hash >>> 22);
        long clockId = hash & 0x3FF;
        long value = ((micros << 10) | clockId) & Long.MAX_VALUE;
        char[] chars = new char[13];
        for (int i = 12; i >= 0; i--) {
            chars[i] = BASE32_SORTABLE.charAt((int) (value & 0x1F));
            value >>>= 5;
        }
        return new String(chars);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
