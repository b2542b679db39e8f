package org.clearpost.drafting.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over everything a clearer approves: text, destinations and schedule. Two versions with the same hash say
 * the same thing to the same audience at the same time.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(PostContent content) {
        StringBuilder canonical = new StringBuilder();
        canonical.append("text:").append(content.text().length()).append(':').append(content.text()).append('\n');
        content.destinations().forEach(d -> canonical.append("to:").append(d.network()).append('/')
                .append(d.account()).append('\n'));
        canonical.append("at:").append(content.scheduledAt()).append('\n');
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
