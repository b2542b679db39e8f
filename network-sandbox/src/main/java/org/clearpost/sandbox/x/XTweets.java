package org.clearpost.sandbox.x;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the firehose's posts say and how X renders them. A post's content follows from its sequence number alone
 * (author, language, which account or term it mentions, hashtag), so the store keeps only ids; an edit says what its
 * original said plus "(edited)". JSON is written by hand: this runs for every post of a 20,000-a-second burst.
 */
final class XTweets {

    /** One of the body's accounts the firehose mentions. */
    record Account(String handle, String id) {
    }

    /** What a post is about, for search: the @handle or the term it carries, and its hashtag. */
    record Content(String text, Account account, String term, String hashtag, long authorIndex, String lang) {
    }

    // X's snowflake epoch: an id's top 42 bits are milliseconds since it (the sandbox's Ids use the same).
    private static final long EPOCH_MILLIS = 1288834974657L;
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int AUTHORS = 5000;
    private static final long AUTHOR_ID_BASE = 1_000_000_000_000L;
    private static final String[] HASHTAGS = {"dataprotection", "FOI", "cookies", "privacy", "GDPR"};
    private static final String[] ASKS = {"when will you answer my complaint about", "thank you for the guidance on",
            "is there an update on", "how do I report a breach involving", "please look at"};

    private final List<Account> accounts;
    private final List<String> terms;
    /** Posts told what to say (a similar burst), by sequence number; the rest say what their number gives. */
    private final java.util.Map<Long, String> said = new java.util.concurrent.ConcurrentHashMap<>();

    XTweets(List<Account> accounts, List<String> terms) {
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("the firehose needs at least one account to mention");
        }
        this.accounts = List.copyOf(accounts);
        this.terms = List.copyOf(terms);
    }

    /** Parses {@code handle=id} entries (a leading @ is dropped). */
    static List<Account> accounts(List<String> entries) {
        List<Account> parsed = new ArrayList<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq < 1 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("an X account must be handle=id, not '" + entry + "'");
            }
            String handle = entry.substring(0, eq).strip();
            String id = entry.substring(eq + 1).strip();
            Long.parseLong(id);
            parsed.add(new Account(handle.startsWith("@") ? handle.substring(1) : handle, id));
        }
        return parsed;
    }

    /** Post number {@code seq} says {@code text}, addressed to one of the accounts (so it is still a mention). */
    void say(long seq, String text) {
        said.put(seq, text);
    }

    void forgetSaid() {
        said.clear();
    }

    List<Account> accounts() {
        return accounts;
    }

    /**
     * The content of post number {@code seq}: four in five mention an account, the fifth carries a term (and mentions
     * nobody), one in ten is in Welsh.
     */
    Content content(long seq) {
        long authorIndex = Math.floorMod(seq * 7919, AUTHORS);
        String own = said.get(seq);
        if (own != null) {
            Account account = accounts.get((int) (seq % accounts.size()));
            return new Content("@" + account.handle() + " " + own, account, null, null, authorIndex, "en");
        }
        String lang = seq % 10 == 3 ? "cy" : "en";
        String hashtag = HASHTAGS[(int) (seq % HASHTAGS.length)];
        String ask = ASKS[(int) ((seq / 3) % ASKS.length)];
        if (terms.isEmpty() || seq % 5 != 4) {
            Account account = accounts.get((int) (seq % accounts.size()));
            String text = "@" + account.handle() + " " + ask + " #" + hashtag + "? ref " + seq;
            return new Content(text, account, null, hashtag, authorIndex, lang);
        }
        String term = terms.get((int) ((seq / 5) % terms.size()));
        String text = "Has the " + term + " said anything about #" + hashtag + "? ref " + seq;
        return new Content(text, null, term, hashtag, authorIndex, lang);
    }

    /** The post's {@code data} object, with the fields a client asks for through {@code tweet.fields}. */
    String data(long id, long originalId, long seq) {
        boolean edit = id != originalId;
        Content c = content(edit ? seq - 1 : seq);
        String text = edit ? c.text() + " (edited)" : c.text();
        StringBuilder json = new StringBuilder(512);
        json.append("{\"id\":\"").append(id).append("\",\"text\":");
        string(json, text);
        json.append(",\"author_id\":\"").append(AUTHOR_ID_BASE + c.authorIndex()).append('"');
        json.append(",\"created_at\":\"").append(createdAt(id)).append('"');
        json.append(",\"edit_history_tweet_ids\":[\"").append(originalId).append('"');
        if (edit) {
            json.append(",\"").append(id).append('"');
        }
        json.append("],\"lang\":\"").append(c.lang()).append('"');
        json.append(",\"entities\":{");
        if (c.account() != null) {
            int end = 1 + c.account().handle().length();
            json.append("\"mentions\":[{\"start\":0,\"end\":").append(end).append(",\"username\":");
            string(json, c.account().handle());
            json.append(",\"id\":\"").append(c.account().id()).append("\"}],");
        }
        if (c.hashtag() == null) {
            json.append("\"hashtags\":[]}}");
            return json.toString();
        }
        int hash = text.indexOf("#" + c.hashtag());
        json.append("\"hashtags\":[{\"start\":").append(text.codePointCount(0, hash)).append(",\"end\":")
                .append(text.codePointCount(0, hash) + 1 + c.hashtag().length()).append(",\"tag\":");
        string(json, c.hashtag());
        json.append("}]}}");
        return json.toString();
    }

    /** The author of post number {@code seq} (of its original for an edit), as in {@code includes.users}. */
    String user(long authorIndex) {
        return "{\"id\":\"" + (AUTHOR_ID_BASE + authorIndex) + "\",\"name\":\"Resident " + authorIndex
                + "\",\"username\":\"resident" + authorIndex + "\"}";
    }

    long authorIndex(long id, long originalId, long seq) {
        return content(id != originalId ? seq - 1 : seq).authorIndex();
    }

    /** One line of the filtered stream: the post, its author and the rule it matched. */
    String streamLine(long id, long originalId, long seq) {
        Content c = content(id != originalId ? seq - 1 : seq);
        String rule = c.account() != null ? "@" + c.account().handle() : c.term();
        return "{\"data\":" + data(id, originalId, seq) + ",\"includes\":{\"users\":[" + user(c.authorIndex())
                + "]},\"matching_rules\":[{\"id\":\"" + ruleId(rule) + "\",\"tag\":" + quoted(rule) + "}]}";
    }

    /** Whether post number {@code seq} (its original's content for an edit) mentions the account with that id. */
    boolean mentions(long seq, boolean edit, String accountId) {
        Account account = content(edit ? seq - 1 : seq).account();
        return account != null && account.id().equals(accountId);
    }

    /** The text of the post, lower-cased, for the sandbox's simple query match. */
    String searchableText(long seq, boolean edit) {
        Content c = content(edit ? seq - 1 : seq);
        return (edit ? c.text() + " (edited)" : c.text()).toLowerCase(Locale.ROOT);
    }

    static String createdAt(long id) {
        return CREATED_AT.format(Instant.ofEpochMilli((id >> 22) + EPOCH_MILLIS));
    }

    static Instant instantOf(long id) {
        return Instant.ofEpochMilli((id >> 22) + EPOCH_MILLIS);
    }

    /** The smallest id X could have given a post made at {@code instant}. */
    static long firstIdAt(Instant instant) {
        return Math.max(0, instant.toEpochMilli() - EPOCH_MILLIS) << 22;
    }

    // A stable, numeric id per rule value, as X gives every rule one.
    private static String ruleId(String rule) {
        return Long.toString(1_600_000_000_000_000_000L + Math.floorMod(rule.hashCode(), 1_000_000_000L));
    }

    static String quoted(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2);
        string(json, value);
        return json.toString();
    }

    static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        json.append(String.format("\\u%04x", (int) ch));
                    } else {
                        json.append(ch);
                    }
                }
            }
        }
        json.append('"');
    }
}
