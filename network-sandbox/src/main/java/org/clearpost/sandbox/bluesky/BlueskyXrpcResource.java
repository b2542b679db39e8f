package org.clearpost.sandbox.bluesky;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.clearpost.sandbox.domain.AccessGrants;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The XRPC methods a Bluesky listener needs besides Jetstream: a session for the body's account (app password), and
 * its notifications, paged newest first, for the past Jetstream no longer replays. Errors are XRPC's
 * {@code {"error","message"}}.
 */
@Path("/xrpc")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bluesky", description = "XRPC look-alikes: createSession, listNotifications")
public class BlueskyXrpcResource {

    /** Body of {@code com.atproto.server.createSession}. */
    public record SessionRequest(String identifier, String password) {
    }

    private final BlueskySandboxConfig config;
    private final BlueskyFirehose firehose;
    private final ObjectMapper json;
    private final BlueskySessions sessions;
    private final AccessGrants grants;
    /** Fingerprints of the access tokens issued; a token is only ever kept as its fingerprint. */
    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    BlueskyXrpcResource(BlueskySandboxConfig config, BlueskyFirehose firehose, ObjectMapper json,
            BlueskySessions sessions, AccessGrants grants) {
        this.config = config;
        this.firehose = firehose;
        this.json = json;
        this.sessions = sessions;
        this.grants = grants;
    }

    @POST
    @Path("/com.atproto.server.createSession")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createSession(SessionRequest request) {
        if (request == null || request.identifier() == null || request.password() == null) {
            return error(400, "InvalidRequest", "Input must have the properties \"identifier\" and \"password\"");
        }
        String id = request.identifier().strip();
        boolean ours = id.equalsIgnoreCase(config.accountHandle()) || id.equals(config.accountDid());
        // A revoked app password (the sandbox's expired-token prefix) is refused as a wrong one is.
        if (!ours || grants.refusal(Network.BLUESKY, request.password()).isPresent()) {
            return error(401, "AuthenticationRequired", "Invalid identifier or password");
        }
        String access = "sandbox-bsky-access-" + UUID.randomUUID();
        String refresh = "sandbox-bsky-refresh-" + UUID.randomUUID();
        issued.add(Tokens.fingerprint(access));
        // The publishing methods (BlueskyRepoResource) accept the session too, and refreshSession rotates it.
        sessions.register(access, refresh);
        return Response.ok(Map.of("accessJwt", access, "refreshJwt", refresh,
                "handle", config.accountHandle(), "did", config.accountDid(), "active", true)).build();
    }

    @GET
    @Path("/app.bsky.notification.listNotifications")
    public Response listNotifications(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @QueryParam("reasons") List<String> reasons) {
        Optional<String> token = Tokens.fromAuthorization(authorization, "Bearer");
        if (token.isEmpty()) {
            return error(401, "AuthMissing", "Authentication Required");
        }
        if (Tokens.isExpired(token.get())) {
            return error(400, "ExpiredToken", "Token has expired");
        }
        if (!issued.contains(Tokens.fingerprint(token.get()))) {
            return error(401, "InvalidToken", "Token could not be verified");
        }
        int size;
        long before;
        try {
            size = limit == null ? 50 : Integer.parseInt(limit);
            before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            return error(400, "InvalidRequest", "limit and cursor must be integers");
        }
        if (size < 1 || size > 100) {
            return error(400, "InvalidRequest", "limit can not be greater than 100 or less than 1");
        }
        List<BlueskyPost> page = firehose.log().notificationsNewestFirst().stream()
                .filter(p -> p.timeUs() < before)
                .filter(p -> reasons == null || reasons.isEmpty() || reasons.contains(p.reason()))
                .limit(size)
                .toList();
        ObjectNode body = json.createObjectNode();
        if (page.size() == size) {
            body.put("cursor", Long.toString(page.get(page.size() - 1).timeUs()));
        }
        ArrayNode notifications = body.putArray("notifications");
        page.forEach(p -> notifications.add(firehose.notification(p)));
        body.put("priority", false);
        return Response.ok(body.toString()).build();
    }

    private static Response error(int status, String error, String message) {
        return Response.status(status).entity(Map.of("error", error, "message", message)).build();
    }
}
