package org.clearpost.sandbox.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.clearpost.sandbox.config.SandboxConfig;
import org.jboss.logging.Logger;

/** Plays Meta's side of a Page webhook: builds the notification, signs the exact bytes, and POSTs them. */
@ApplicationScoped
public class MentionService {

    private static final Logger LOG = Logger.getLogger(MentionService.class);
    private static final int MAX_ECHOED_RESPONSE = 2000;

    /** A validated request for one mention on a Page: a comment when {@code postId} is set, else a visitor post. */
    public record Mention(String pageId, String authorId, String authorName, String message, String postId) {
    }

    /**
     * What happened. {@code webhookStatus} is null when the webhook could not be reached, and {@code error} then
     * says why.
     */
    public record Delivery(boolean delivered, String webhookUrl, Integer webhookStatus, String webhookResponse,
            String signature, JsonNode payload, String error) {
    }

    private final SandboxConfig config;
    private final ObjectMapper mapper;
    private final HttpClient http;

    MentionService(SandboxConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(config.webhookTimeout()).build();
    }

    public Delivery deliver(Mention m) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> payload = m.postId() == null
                ? PageWebhookPayloads.visitorPost(m.pageId(), Ids.next(), m.authorId(), m.authorName(), m.message(),
                        now)
                : PageWebhookPayloads.comment(m.pageId(), PageWebhookPayloads.qualifyPostId(m.pageId(), m.postId()),
                        Ids.next(), m.authorId(), m.authorName(), m.message(), now);
        byte[] body;
        JsonNode echoed;
        try {
            body = mapper.writeValueAsBytes(payload);
            echoed = mapper.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("a map of strings and numbers always serialises", e);
        }
        String signature = WebhookSigner.sign(config.facebookAppSecret(), body);
        String url = config.webhookUrl();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.webhookTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "facebookexternalua")
                    .header(WebhookSigner.HEADER, signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            LOG.infof("Delivered page webhook for page %s to %s: HTTP %d", m.pageId(), url, response.statusCode());
            return new Delivery(true, url, response.statusCode(), truncate(response.body()), signature, echoed, null);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("Could not deliver page webhook to %s: %s", url, describe(e, url));
            return new Delivery(false, url, null, null, signature, echoed, describe(e, url));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(false, url, null, null, signature, echoed, "interrupted");
        }
    }

    // The JDK client's ConnectException carries no message at all, so name the usual cause for it.
    private static String describe(Exception e, String url) {
        if (e instanceof ConnectException) {
            return "ConnectException: could not connect to " + url + " (nothing listening, or refused)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ECHOED_RESPONSE ? s : s.substring(0, MAX_ECHOED_RESPONSE);
    }
}
