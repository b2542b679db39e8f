package org.clearpost.monitoring.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.clearpost.monitoring.intake.IntakeSink;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Facebook Page webhooks. Meta sends no bearer token: a delivery proves itself with its HMAC signature instead,
 * checked over the raw bytes before anything in the body is believed. A delivery (up to 1,000 changes) is written to
 * the raw-mentions topic, one item per change, and answered 200 only once the broker has all of them: Meta retries
 * anything not answered 200 for 36 hours, so a failed write loses nothing. No database work happens here; the
 * pipeline parses, dedupes and stores after the answer.
 */
@Path("/webhooks/facebook")
@PermitAll
public class FacebookWebhookResource {

    private static final Logger LOG = Logger.getLogger(FacebookWebhookResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Seconds; Meta retries on its own schedule, other senders may use it. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final WebhookSignature signature;
    private final byte[] verifyToken;
    private final Duration writeTimeout;
    private final IntakeSink sink;
    private final FacebookDeliveries deliveries;
    private final Clock clock;

    public FacebookWebhookResource(FacebookWebhookConfig config, IntakeSink sink, FacebookDeliveries deliveries,
            Clock clock) {
        this.signature = new WebhookSignature(config.appSecret());
        this.verifyToken = config.verifyToken().getBytes(StandardCharsets.UTF_8);
        this.writeTimeout = config.writeTimeout();
        this.sink = sink;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** The subscription handshake: Meta proves it knows the verify token, we answer its challenge. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        if (!"subscribe".equals(mode) || token == null
                || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), verifyToken)) {
            throw ProblemException.forbidden("Verification refused",
                    "hub.mode must be subscribe and hub.verify_token must be this service's verify token");
        }
        if (challenge == null || challenge.isEmpty()) {
            throw ProblemException.badRequest("The handshake has no challenge to answer",
                    List.of(new Problem.Violation("hub.challenge", "is required")));
        }
        return challenge;
    }

    // A worker thread, as the producer's send may block (metadata, a full buffer); the stage then lets the request
    // wait for the broker's acknowledgement without holding it.
    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> receive(@HeaderParam(WebhookSignature.HEADER) String signatureHeader,
            byte[] body) {
        if (!signature.matches(body, signatureHeader)) {
            LOG.warnf("Refused a Facebook webhook delivery of %d bytes: %s", body.length,
                    signatureHeader == null ? "no signature" : "signature does not match");
            throw new ProblemException(Status.UNAUTHORIZED, "Unauthorized",
                    WebhookSignature.HEADER + " is missing or is not the signature of this body", List.of());
        }
        Instant receivedAt = clock.instant();
        List<RawItem> items = FacebookItems.split(readJson(body), receivedAt);
        CompletionStage<Void> written = items.isEmpty() ? CompletableFuture.completedFuture(null)
                : sink.deliver(items);
        return written.toCompletableFuture().orTimeout(writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((done, failure) -> {
                    if (failure != null) {
                        LOG.warnf("Answering 503 to a Facebook delivery of %d changes (Meta will retry it): %s",
                                items.size(), failure);
                        return Response.fromResponse(Problem.of(Status.SERVICE_UNAVAILABLE,
                                        "The delivery could not be made durable for the moment; nothing of it was "
                                                + "acknowledged. Send it again.").toResponse())
                                .header("Retry-After", RETRY_AFTER_SECONDS).build();
                    }
                    deliveries.received(clock.instant());
                    return Response.ok(new WebhookReceipt(items.size()), MediaType.APPLICATION_JSON_TYPE).build();
                });
    }

    private static JsonNode readJson(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (IOException notJson) {
            LOG.debugf("Webhook body is not JSON: %s", notJson.getMessage());
        }
        throw ProblemException.badRequest("The webhook body is not a JSON object", List.of());
    }
}
