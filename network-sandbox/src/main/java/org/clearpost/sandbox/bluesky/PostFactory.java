package org.clearpost.sandbox.bluesky;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Makes posts shaped like Bluesky's {@code app.bsky.feed.post} records: text with rich-text facets whose
 * {@code byteStart}/{@code byteEnd} count UTF-8 bytes (not characters), so emoji, accents and CJK before a mention move
 * its offsets as on the real network. Some posts mention the body's account, some reply to one of its posts, the rest
 * only carry the terms a tracked query would match.
 */
public final class PostFactory {

    private static final String BASE32_SORTABLE = "234567abcdefghijklmnopqrstuvwxyz";
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int AUTHORS = 500;

    private static final List<String[]> MENTION_TEXTS = List.of(
            new String[] {"Thanks ", " for sorting the bins on Élm Road so quickly 🙏 ", "bins"},
            new String[] {"🚧 Roadworks on the A1 again — ", " any update on when they finish? ", "roadworks"},
            new String[] {"こんにちは ", " 👋🏽 is the library open on Sunday? ", "libraries"},
            new String[] {"", " the café car park lights are out, 3 nights now 💡 ", "streetlights"});
    private static final List<String> TERM_TEXTS = List.of(
            "Missed bin collection on Café Street again 😤 ",
            "Council tax bill arrived — £1,234 this year 😬 ",
            "Potholes on the B1234 are a menace 🕳️🚲 ");
    private static final List<String> TERM_TAGS = List.of("bins", "counciltax", "potholes");
    private static final List<String> REPLY_TEXTS = List.of("Is this still happening? 🤔", "Great news, thank you! 🎉",
            "Any date for the next one? 📅");

    private final ObjectMapper json;
    private final String accountDid;
    private final String accountHandle;

    public PostFactory(ObjectMapper json, String accountDid, String accountHandle) {
        this.json = json;
        this.accountDid = accountDid;
        this.accountHandle = accountHandle;
    }

    /**
     * A new post seen by Jetstream at {@code timeUs}.
     *
     * @param mentionShare share (0-1) of posts that mention the account or reply to it
     */
    public BlueskyPost create(long timeUs, double mentionShare, Random random) {
        int author = random.nextInt(AUTHORS);
        String did = "did:plc:" + base32(sha256("author-" + author)).substring(0, 24);
        String handle = "resident" + author + ".bsky.social";
        String name = "Resident " + author;
        String rkey = tid(timeUs, random.nextInt(1024));
        Instant createdAt = Instant.ofEpochSecond(0, timeUs * 1000);
        ObjectNode record = json.createObjectNode();
        record.put("$type", BlueskyPost.COLLECTION);
        record.put("createdAt", createdAt.toString());
        record.putArray("langs").add(random.nextInt(4) == 2 ? "ja" : "en");
        Text text = new Text();
        String reason = null;
        if (random.nextDouble() < mentionShare) {
            if (random.nextInt(5) == 0) {
                // A reply to one of the body's posts: a notification with reason "reply", no facet needed
                text.plain(REPLY_TEXTS.get(random.nextInt(REPLY_TEXTS.size())));
                ObjectNode parent = json.createObjectNode();
                String parentRkey = tid(1_700_000_000_000_000L + random.nextInt(20) * 1_000_000L, 0);
                parent.put("uri", "at://" + accountDid + "/" + BlueskyPost.COLLECTION + "/" + parentRkey);
                parent.put("cid", cid("body-post-" + parentRkey));
                ObjectNode reply = record.putObject("reply");
                reply.set("root", parent);
                reply.set("parent", parent.deepCopy());
                reason = "reply";
            } else {
                String[] t = MENTION_TEXTS.get(random.nextInt(MENTION_TEXTS.size()));
                text.plain(t[0]).mention("@" + accountHandle, accountDid).plain(t[1]).tag(t[2]);
                reason = "mention";
            }
        } else {
            int i = random.nextInt(TERM_TEXTS.size());
            text.plain(TERM_TEXTS.get(i)).tag(TERM_TAGS.get(i));
            if (random.nextBoolean()) {
                text.plain(" ").link("council.example/report", "https://council.example/report");
            }
        }
        record.put("text", text.text.toString());
        if (!text.facets.isEmpty()) {
            record.set("facets", text.facets);
        }
        return new BlueskyPost(did, handle, name, rkey, cid(did + rkey + record), timeUs, "create", record,
                reason != null, reason);
    }

    /** A new version of {@code post} (Jetstream {@code update}): same record key, edited text, a new cid. */
    public BlueskyPost update(BlueskyPost post, long timeUs) {
        ObjectNode record = post.record().deepCopy();
        // Appended after every facet, so their byte offsets stay right
        record.put("text", record.path("text").asText() + " (edited)");
        return new BlueskyPost(post.did(), post.authorHandle(), post.authorName(), post.rkey(),
                cid(post.did() + post.rkey() + record), timeUs, "update", record, post.mention(), post.reason());
    }

    /** A record key as Bluesky makes them: a TID, 13 base32-sortable characters of microseconds and a clock id. */
    static String tid(long timeUs, int clockId) {
        long value = (timeUs << 10) | (clockId & 0x3FF);
        value &= Long.MAX_VALUE;
        char[] chars = new char[13];
        for (int i = 12; i >= 0; i--) {
            chars[i] = BASE32_SORTABLE.charAt((int) (value & 0x1F));
            value >>>= 5;
        }
        return new String(chars);
    }

    /** The DID of the firehose's author {@code resident<n>.bsky.social}, as {@link #create} gives it. */
    static String residentDid(int author) {
        return "did:plc:" + base32(sha256("author-" + author)).substring(0, 24);
    }

    /** A CIDv1 look-alike (dag-cbor, sha-256, base32): "bafyrei" and 52 more characters. */
    static String cid(String content) {
        return "bafyrei" + base32(sha256(content)).substring(0, 52);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 0x1F));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 0x1F));
        }
        return out.toString();
    }

    /** Text with facets, counting UTF-8 bytes as Bluesky does. */
    private final class Text {
        private final StringBuilder text = new StringBuilder();
        private final ArrayNode facets = json.createArrayNode();
        private int bytes;

        Text plain(String s) {
            text.append(s);
            bytes += s.getBytes(StandardCharsets.UTF_8).length;
            return this;
        }

        Text mention(String shown, String did) {
            return faceted(shown, "app.bsky.richtext.facet#mention", "did", did);
        }

        Text tag(String tag) {
            return faceted("#" + tag, "app.bsky.richtext.facet#tag", "tag", tag);
        }

        Text link(String shown, String uri) {
            return faceted(shown, "app.bsky.richtext.facet#link", "uri", uri);
        }

        private Text faceted(String shown, String type, String field, String value) {
            int start = bytes;
            plain(shown);
            ObjectNode facet = facets.addObject();
            ObjectNode index = facet.putObject("index");
            index.put("byteStart", start);
            index.put("byteEnd", bytes);
            ObjectNode feature = facet.putArray("features").addObject();
            feature.put("$type", type);
            feature.put(field, value);
            return this;
        }
    }
}
