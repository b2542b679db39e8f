package org.clearpost.drafting.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 over everything a clearer approves and a network would get: texts, thread, every target's variant (text,
 * title, media and their order, first comment, share), the references and the schedule. Two versions with the same
 * hash say the same thing to the same audience at the same time. Every value is written with its length, so no
 * two different contents can run together into the same input.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(PostContent content) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, "text", content.text());
        content.threadParts().forEach(part -> field(canonical, "part", part));
        for (PostContent.TargetContent target : content.targets()) {
            field(canonical, "to", target.network() + "/" + target.account());
            field(canonical, "text", target.text());
            field(canonical, "title", target.title());
            target.mediaIds().forEach(id -> field(canonical, "media", id));
            field(canonical, "comment", target.firstComment());
            field(canonical, "shares", target.shares());
        }
        field(canonical, "campaign", content.campaign());
        field(canonical, "live", content.liveEventId());
        field(canonical, "essential", content.essentialReason());
        field(canonical, "reply", content.replyToMentionId());
        PostContent.Repost repost = content.repostOf();
        field(canonical, "repost", repost == null ? null
                : repost.network() + "/" + repost.externalId() + "/" + repost.author() + "/" + repost.url());
        field(canonical, "at", content.scheduledAt());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static void field(StringBuilder canonical, String name, Object value) {
        if (value == null) {
            canonical.append(name).append(":-\n");
            return;
        }
        String text = Objects.toString(value);
        canonical.append(name).append(':').append(text.length()).append(':').append(text).append('\n');
    }
}
