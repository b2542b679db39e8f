package org.clearpost.monitoring.facebook;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.clearpost.monitoring.domain.IncomingMention;
import org.clearpost.monitoring.domain.MentionService;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Facebook Page webhooks. Meta sends no bearer token: a delivery proves itself with its HMAC signature instead,
 * checked over the raw bytes before anything in the body is believed.
 */
@Path("/webhooks/facebook")
@PermitAll
public class FacebookWebhookResource {

    private static final Logger LOG = Logger.getLogger(FacebookWebhookResource.class);

    private final WebhookSignature signature;
    private final byte[] verifyToken;
    private final MentionService mentions;
    private final Clock clock;

    public FacebookWebhookResource(FacebookWebhookConfig config, MentionService mentions, Clock clock) {
        this.signature = new WebhookSignature(config.appSecret());
        this.verifyToken = config.verifyToken().getBytes(StandardCharsets.UTF_8);
        this.mentions = mentions;
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

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public WebhookReceipt receive(@HeaderParam(WebhookSignature.HEADER) String signatureHeader, byte[] body) {
        if (!signature.matches(body, signatureHeader)) {
            LOG.warnf("Refused a Facebook webhook delivery of %d bytes: %s", body.length,
                    signatureHeader == null ? "no signature" : "signature does not match");
            throw new ProblemException(Status.UNAUTHORIZED, "Unauthorized",
                    WebhookSignature.HEADER + " is missing or is not the signature of this body", List.of());
        }
        Instant receivedAt = clock.instant();
        List<IncomingMention> incoming = PageWebhookParser.parse(body, receivedAt);
        return new WebhookReceipt(incoming.size(), mentions.receive(incoming, receivedAt));
    }
}
