package org.clearpost.sandbox.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.AccessGrants;
import org.clearpost.sandbox.domain.HeldMedia;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.PublishFaults;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The XRPC methods a Bluesky publisher calls, with the PDS's shapes: {@code com.atproto.server.refreshSession},
 * {@code com.atproto.identity.resolveHandle}, {@code com.atproto.repo.uploadBlob}, {@code createRecord} (posts only,
 * lexicon-checked by {@link BlueskyPostCheck}) and {@code getRecord}. A {@code createRecord} at a record key that
 * already holds a record creates nothing and answers what bsky.social answers today, 500
 * {@code InternalServerError} (bluesky-social/atproto#3718; a named error is proposed in #4728): a publisher must then
 * read the record with {@code getRecord} to know whether it is its own.
 */
@Path("/xrpc")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bluesky", description = "XRPC look-alikes: sessions, blobs and post records of the body's account")
public class BlueskyRepoResource {

    private final BlueskySandboxConfig config;
    private final BlueskySessions sessions;
    private final BlueskyRepo repo;
    private final AccessGrants grants;
    private final PostStore store;
    private final PublishFaults faults;
    private final ObjectMapper json;

    BlueskyRepoResource(BlueskySandboxConfig config, BlueskySessions sessions, BlueskyRepo repo, AccessGrants grants,
            PostStore store, PublishFaults faults, ObjectMapper json) {
        this.config = config;
        this.sessions = sessions;
        this.repo = repo;
        this.grants = grants;
        this.store = store;
        this.faults = faults;
        this.json = json;
    }

    /** The refresh token goes in the Authorization header; it is single-use, both tokens are replaced. */
    @POST
    @Path("/com.atproto.server.refreshSession")
    public Response refreshSession(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<String> token = Tokens.fromAuthorization(authorization, "Bearer");
        if (token.isEmpty()) {
            return error(401, "AuthMissing", "Authentication Required");
        }
        return sessions.refresh(token.get())
                .map(s -> Response.ok(Map.of("accessJwt", s.accessJwt(), "refreshJwt", s.refreshJwt(),
                        "handle", config.accountHandle(), "did", config.accountDid(), "active", true)).build())
                .orElseGet(() -> error(400, "ExpiredToken", "Token has been revoked"));
    }

    /** Resolves the body's handle and the firehose's residents ({@code residentN.bsky.social}). */
    @GET
    @Path("/com.atproto.identity.resolveHandle")
    public Response resolveHandle(@QueryParam("handle") String handle) {
        if (handle == null || handle.isBlank()) {
            return error(400, "InvalidRequest", "Error: Params must have the property \"handle\"");
        }
        Optional<String> did = did(handle.strip());
        return did.map(d -> Response.ok(Map.of("did", d)).build())
                .orElseGet(() -> error(400, "InvalidRequest", "Unable to resolve handle"));
    }

    /** The raw bytes are the body, their type the Content-Type; answers the blob ref a record embeds. */
    @POST
    @Path("/com.atproto.repo.uploadBlob")
    @Consumes(MediaType.WILDCARD)
    public Response uploadBlob(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] bytes) {
        Optional<Response> refused = refusal(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (bytes == null || bytes.length == 0) {
            return error(400, "InvalidRequest", "Request body is empty");
        }
        if (bytes.length > BlueskyPostCheck.MAX_VIDEO_BYTES) {
            return error(400, "BlobTooLarge", "This file is too large. It is " + bytes.length
                    + " bytes but the maximum size is " + BlueskyPostCheck.MAX_VIDEO_BYTES + " bytes.");
        }
        String mime = contentType == null ? "application/octet-stream" : contentType.split(";")[0].strip();
        BlueskyRepo.Blob blob = repo.upload(mime, bytes);
        return Response.ok(Map.of("blob", blobRef(blob))).build();
    }

    @POST
    @Path("/com.atproto.repo.createRecord")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createRecord(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body,
            @Context HttpServerRequest request) {
        Optional<Response> refused = refusal(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        JsonNode input;
        try {
            input = json.readTree(body == null ? "" : body);
        } catch (java.io.IOException e) {
            return error(400, "InvalidRequest", "Request body is not JSON");
        }
        if (input == null || !input.path("repo").isTextual() || !input.path("collection").isTextual()
                || !input.path("record").isObject()) {
            return error(400, "InvalidRequest",
                    "Input must have the properties \"repo\", \"collection\" and \"record\"");
        }
        Optional<String> did = did(input.path("repo").asText());
        if (did.isEmpty() || !did.get().equals(config.accountDid())) {
            return error(400, "InvalidRequest", "Could not find repo: " + input.path("repo").asText());
        }
        if (!BlueskyPost.COLLECTION.equals(input.path("collection").asText())) {
            return error(400, "InvalidRequest", "The sandbox writes " + BlueskyPost.COLLECTION + " records only");
        }
        String rkey = input.path("rkey").isTextual() ? input.path("rkey").asText()
                : PostFactory.tid(Instant.now().toEpochMilli() * 1000, 0);
        Optional<String> wrong = BlueskyPostCheck.recordKey(rkey)
                .or(() -> BlueskyPostCheck.post(input.path("record"), repo::blob));
        if (wrong.isPresent()) {
            return error(400, wrong.get().startsWith("Could not find blob") ? "BlobNotFound" : "InvalidRequest",
                    wrong.get());
        }
        ObjectNode record = (ObjectNode) input.path("record");
        String uri = "at://" + config.accountDid() + "/" + BlueskyPost.COLLECTION + "/" + rkey;
        Optional<BlueskyRepo.StoredRecord> created = repo.create(uri, record);
        if (created.isEmpty()) {
            // What the PDS answers today for a create at an existing key; nothing changes.
            return error(500, "InternalServerError", "Internal Server Error");
        }
        store.hold(held(created.get(), rkey, authorization));
        faults.afterAccept(Network.BLUESKY, request);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("uri", uri);
        answer.put("cid", created.get().cid());
        answer.put("commit", Map.of("cid", PostFactory.cid("commit" + uri), "rev", rkey));
        answer.put("validationStatus", "valid");
        return Response.ok(answer).build();
    }

    /** Public, as on a PDS: no token needed. */
    @GET
    @Path("/com.atproto.repo.getRecord")
    public Response getRecord(@QueryParam("repo") String repoId, @QueryParam("collection") String collection,
            @QueryParam("rkey") String rkey) {
        if (repoId == null || collection == null || rkey == null) {
            return error(400, "InvalidRequest", "Params must have the properties \"repo\", \"collection\" and \"rkey\"");
        }
        String uri = "at://" + did(repoId).orElse(repoId) + "/" + collection + "/" + rkey;
        return repo.get(uri)
                .map(r -> Response.ok(Map.of("uri", r.uri(), "cid", r.cid(), "value", r.value())).build())
                .orElseGet(() -> error(400, "RecordNotFound", "Could not locate record: " + uri));
    }

    private HeldPost held(BlueskyRepo.StoredRecord stored, String rkey, String authorization) {
        JsonNode record = stored.value();
        List<HeldMedia> media = new ArrayList<>();
        JsonNode embed = record.path("embed");
        embed.path("images").forEach(i -> media.add(heldMedia(i.path("image"), i.path("alt").asText(null))));
        if (embed.has("video")) {
            media.add(heldMedia(embed.path("video"), embed.path("alt").asText(null)));
        }
        String parent = record.path("reply").path("parent").path("uri").asText(null);
        HeldPost.Kind kind = embed.has("video") ? HeldPost.Kind.VIDEO
                : parent != null ? HeldPost.Kind.REPLY : HeldPost.Kind.POST;
        String fingerprint = Tokens.fingerprint(Tokens.fromAuthorization(authorization, "Bearer").orElseThrow());
        return new HeldPost(Network.BLUESKY, stored.uri(), kind, config.accountHandle(),
                record.path("text").asText(), null, null, parent, null, null, null, media,
                "https://bsky.app/profile/" + config.accountHandle() + "/post/" + rkey, fingerprint, Instant.now());
    }

    private HeldMedia heldMedia(JsonNode ref, String alt) {
        BlueskyRepo.Blob blob = repo.blob(ref.path("ref").path("$link").asText()).orElseThrow();
        return new HeldMedia(blob.cid(), blob.mimeType(), blob.size(), blob.sha256(), null, alt);
    }

    private Optional<Response> refusal(String authorization) {
        Optional<String> token = Tokens.fromAuthorization(authorization, "Bearer");
        if (token.isEmpty()) {
            return Optional.of(error(401, "AuthMissing", "Authentication Required"));
        }
        if (grants.refusal(Network.BLUESKY, token.get()).isPresent()) {
            return Optional.of(error(400, "ExpiredToken", "Token has expired"));
        }
        return sessions.check(token.get()).map(r -> error(r.status(), r.error(), r.message()));
    }

    private Optional<String> did(String handleOrDid) {
        if (handleOrDid.startsWith("did:")) {
            return Optional.of(handleOrDid);
        }
        if (handleOrDid.equalsIgnoreCase(config.accountHandle())) {
            return Optional.of(config.accountDid());
        }
        java.util.regex.Matcher resident = java.util.regex.Pattern.compile("resident(\\d{1,3})\\.bsky\\.social")
                .matcher(handleOrDid.toLowerCase());
        return resident.matches() ? Optional.of(PostFactory.residentDid(Integer.parseInt(resident.group(1))))
                : Optional.empty();
    }

    private static Map<String, Object> blobRef(BlueskyRepo.Blob blob) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("$type", "blob");
        ref.put("ref", Map.of("$link", blob.cid()));
        ref.put("mimeType", blob.mimeType());
        ref.put("size", blob.size());
        return ref;
    }

    private static Response error(int status, String error, String message) {
        return Response.status(status).entity(Map.of("error", error, "message", message)).build();
    }
}
