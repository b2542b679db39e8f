package org.clearpost.sandbox.mastodon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Mastodon {@code Notification} entities of type {@code mention} as an instance serves them (docs.joinmastodon.org
 * entities/Notification and entities/Status): string ids, ISO 8601 times, the status content as HTML with the h-card
 * mention and hashtag links Mastodon writes, {@code mentions} and {@code tags} arrays. Varied by sequence number: remote
 * and local authors, English and Welsh, entities in the text, several paragraphs and line breaks.
 */
final class MentionNotifications {

    private record Author(String id, String username, String domain, String displayName) {
    }

    private static final List<Author> AUTHORS = List.of(
            new Author("109000000000000101", "alice", null, "Alice Jones"),
            new Author("109000000000000102", "bryn", "mastodon.cymru", "Bryn ap Dafydd"),
            new Author("109000000000000103", "chen", "social.example", "Chen Wei"),
            new Author("109000000000000104", "dee", "fosstodon.org", "Dee <Dev> & Co"));
    private static final List<String> TAGS = List.of("council", "bins", "roadworks", "library");
    /** Status ids are Snowflake-like (milliseconds << 16), as Mastodon's are; this is their base. */
    private static final long STATUS_ID_BASE = 113_000_000_000_000_000L;

    private final ObjectMapper mapper;
    private final MastodonSandboxConfig config;

    MentionNotifications(ObjectMapper mapper, MastodonSandboxConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    /** The notification with id {@code id}, made at {@code at}, as JSON. */
    String notification(long id, Instant at) {
        return notification(id, at, null);
    }

    /** The same, saying {@code said} (plain text, escaped here) after the mention of the account when not null. */
    String notification(long id, Instant at, String said) {
        Author author = AUTHORS.get((int) (id % AUTHORS.size()));
        String tag = TAGS.get((int) ((id / AUTHORS.size()) % TAGS.size()));
        String statusId = Long.toString(STATUS_ID_BASE + id * 65_536L);
        String domain = config.domain();
        String me = config.username();
        String authorHome = author.domain() == null ? domain : author.domain();
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", author.id());
        account.put("username", author.username());
        account.put("acct", author.domain() == null ? author.username() : author.username() + "@" + author.domain());
        account.put("display_name", author.displayName());
        account.put("url", "https://" + authorHome + "/@" + author.username());
        account.put("bot", false);

        boolean welsh = said == null && id % 5 == 0;
        String mention = "<span class=\"h-card\" translate=\"no\"><a href=\"https://" + domain + "/@" + me
                + "\" class=\"u-url mention\">@<span>" + me + "</span></a></span>";
        String hashtag = "<a href=\"https://" + domain + "/tags/" + tag + "\" class=\"mention hashtag\" rel=\"tag\">#<span>"
                + tag + "</span></a>";
        String content = said != null ? "<p>" + mention + " " + escape(said) + "</p>" : welsh
                ? "<p>" + mention + " Pryd mae&#39;r casgliad biniau yn rhif " + id + "?<br />Diolch " + hashtag + "</p>"
                : "<p>" + mention + " Question " + id + ": bins &amp; recycling &lt;today&gt;?<br />Thanks " + hashtag
                        + "</p><p>Sent from the sandbox</p>";

        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", statusId);
        status.put("created_at", at.toString());
        status.put("in_reply_to_id", null);
        status.put("in_reply_to_account_id", null);
        status.put("sensitive", false);
        status.put("spoiler_text", "");
        status.put("visibility", "public");
        status.put("language", welsh ? "cy" : "en");
        status.put("uri", "https://" + authorHome + "/users/" + author.username() + "/statuses/" + statusId);
        status.put("url", "https://" + authorHome + "/@" + author.username() + "/" + statusId);
        status.put("replies_count", 0);
        status.put("reblogs_count", 0);
        status.put("favourites_count", 0);
        status.put("edited_at", null);
        status.put("content", content);
        status.put("reblog", null);
        status.put("account", account);
        status.put("media_attachments", List.of());
        status.put("mentions", List.of(Map.of("id", "109000000000000001", "username", me, "url",
                "https://" + domain + "/@" + me, "acct", me)));
        status.put("tags", said != null ? List.of() : List.of(Map.of("name", tag, "url", "https://" + domain + "/tags/" + tag)));
        status.put("emojis", List.of());
        status.put("card", null);
        status.put("poll", null);

        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("id", Long.toString(id));
        notification.put("type", "mention");
        notification.put("created_at", at.toString());
        notification.put("account", account);
        notification.put("status", status);
        try {
            return mapper.writeValueAsString(notification);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
