package org.clearpost.publisher;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.ExternalPost;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostRejected;
import org.clearpost.events.PostVersionWithdrawn;
import org.clearpost.events.Target;
import org.clearpost.testing.TestSigningKeys;

/** Object Mother for what clearance sends, signed with the test key. Every post, target, account and token is new, so tests never meet. */
public final class ClearedPosts {

    private ClearedPosts() {
    }

    public static PostCleared clearedFor(Target... targets) {
        return scheduledFor(null, targets);
    }

    public static PostCleared scheduledFor(Instant scheduledAt, Target... targets) {
        return post(scheduledAt, Instant.now(), null, null, targets);
    }

    /** A post cleared at {@code clearedAt}, answering {@code replyTo} or sharing {@code repostOf} (either may be null). */
    public static PostCleared post(Instant scheduledAt, Instant clearedAt, ExternalPost replyTo, ExternalPost repostOf,
            Target... targets) {
        UUID postId = UUID.randomUUID();
        return TestSigningKeys.sign(unsigned(postId, scheduledAt, clearedAt, replyTo, repostOf, targets));
    }

    /** A decision as an attacker without clearance's key would write it: well formed, not signed. */
    public static PostCleared unsigned(UUID postId, Instant scheduledAt, Instant clearedAt, ExternalPost replyTo,
            ExternalPost repostOf, Target... targets) {
        return new PostCleared(postId, 1, "sha256:" + postId.toString().replace("-", ""), "dana", "normal",
                "lee", "Cleared for publication", "Bins are collected a day later this bank holiday week. " + postId,
                List.of(targets), scheduledAt, null, null, replyTo, repostOf, clearedAt);
    }

    public static PostVersionWithdrawn withdrawn(PostCleared cleared) {
        return new PostVersionWithdrawn(cleared.postId(), cleared.version(), cleared.contentHash(), "dana",
                PostVersionWithdrawn.WithdrawalReason.EDITED, Instant.now());
    }

    /** A target with its own rendered text, further thread parts and a first comment (null for none). */
    public static Target thread(Network network, String account, String text, List<String> parts,
            String firstComment) {
        return new Target(UUID.randomUUID(), network, account, text, parts, null, firstComment, List.of(), null);
    }

    public static Target withMedia(Network network, String account, String text, MediaItem... media) {
        return new Target(UUID.randomUUID(), network, account, text, List.of(), null, null, List.of(media), null);
    }

    /** A corporate account's target sharing {@code shared}'s publication. */
    public static Target sharing(Network network, String account, Target shared) {
        return new Target(UUID.randomUUID(), network, account, null, List.of(), null, null, List.of(),
                shared.targetId());
    }

    /** An image whose cleared size and checksum are those of {@code clearedBytes}, fetched from {@code url}. */
    public static MediaItem image(String url, byte[] clearedBytes, String altText) {
        return new MediaItem(UUID.randomUUID(), MediaKind.IMAGE, "image/png", clearedBytes.length,
                FakeNetwork.sha256(clearedBytes), altText, null, url);
    }

    /** Version 2 of the same post, as cleared after a rejection of version 1. */
    public static PostCleared secondVersionOf(PostCleared cleared) {
        return TestSigningKeys.sign(new PostCleared(cleared.postId(), cleared.version() + 1,
                cleared.contentHash() + "-v2", cleared.author(), cleared.route(), cleared.clearedBy(),
                cleared.comment(), cleared.text() + " (corrected)", cleared.targets(), cleared.scheduledAt(), null,
                null, null, null, Instant.now()));
    }

    public static PostRejected rejected(PostCleared cleared) {
        return new PostRejected(cleared.postId(), cleared.version(), cleared.contentHash(), "lee",
                "Not in the pre-election period", Instant.now());
    }

    public static Target target(Network network, String account) {
        return new Target(UUID.randomUUID(), network, account);
    }

    /** An account handle no other test uses. */
    public static String newAccount() {
        return "acct_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String newToken() {
        return "token-" + UUID.randomUUID();
    }
}
