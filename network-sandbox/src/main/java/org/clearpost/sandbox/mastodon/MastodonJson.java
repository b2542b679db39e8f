package org.clearpost.sandbox.mastodon;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter.Decision;

/** Mastodon's entities as the publishing API answers them (Status, MediaAttachment), and its rate headers. */
final class MastodonJson {

    private MastodonJson() {
    }

    static String statusUrl(MastodonSandboxConfig config, String id) {
        return "https://" + config.domain() + "/@" + config.username() + "/" + id;
    }

    static Map<String, Object> status(MastodonSandboxConfig config, MastodonStatuses.Status s) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", "1");
        account.put("username", config.username());
        account.put("acct", config.username());
        account.put("url", "https://" + config.domain() + "/@" + config.username());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("created_at", s.createdAt().truncatedTo(ChronoUnit.MILLIS).toString());
        json.put("in_reply_to_id", s.inReplyToId());
        json.put("in_reply_to_account_id", s.inReplyToId() == null ? null : "1");
        json.put("sensitive", false);
        json.put("spoiler_text", "");
        json.put("visibility", s.visibility());
        json.put("language", s.language());
        json.put("uri", "https://" + config.domain() + "/users/" + config.username() + "/statuses/" + s.id());
        json.put("url", statusUrl(config, s.id()));
        json.put("replies_count", 0);
        json.put("reblogs_count", 0);
        json.put("favourites_count", 0);
        json.put("content", "<p>" + escape(s.text()) + "</p>");
        json.put("reblog", null);
        json.put("account", account);
        json.put("media_attachments", s.media().stream().map(m -> media(config, m, true)).toList());
        json.put("mentions", java.util.List.of());
        json.put("tags", java.util.List.of());
        return json;
    }

    static Map<String, Object> media(MastodonSandboxConfig config, MastodonStatuses.Media m, boolean ready) {
        String file = "https://" + config.domain() + "/system/media_attachments/files/" + m.id();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id());
        json.put("type", m.type());
        json.put("url", ready ? file + "/original" : null);
        json.put("preview_url", file + "/small");
        json.put("remote_url", null);
        json.put("text_url", null);
        json.put("meta", Map.of());
        json.put("description", m.description());
        json.put("blurhash", null);
        return json;
    }

    static jakarta.ws.rs.core.Response.ResponseBuilder withRate(jakarta.ws.rs.core.Response.ResponseBuilder builder,
            Decision rate) {
        return builder.header("X-RateLimit-Limit", rate.limit())
                .header("X-RateLimit-Remaining", rate.remaining())
                .header("X-RateLimit-Reset", Instant.ofEpochSecond(rate.resetEpochSeconds())
                        .truncatedTo(ChronoUnit.MICROS).toString());
    }

    static String error(String message) {
        return "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\n", "<br />");
    }
}
