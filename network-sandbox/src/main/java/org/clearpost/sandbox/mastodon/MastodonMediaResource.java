package org.clearpost.sandbox.mastodon;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;
import org.clearpost.sandbox.domain.AccessGrants;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter;
import org.clearpost.sandbox.domain.FixedWindowRateLimiter.Decision;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Mastodon's media API: {@code POST /api/v2/media} (multipart {@code file} and {@code description}) answers 200 with
 * the attachment when it was processed at once (small images) and 202 with {@code url: null} otherwise;
 * {@code GET /api/v1/media/:id} then answers 206 while processing goes on and 200 once done. A status may carry only
 * processed media.
 */
@Path("/api")
@Tag(name = "Mastodon", description = "Statuses and media of the sandbox instance's publishing API")
public class MastodonMediaResource {

    private static final String JSON = "application/json; charset=utf-8";
    private static final int MAX_DESCRIPTION = 1500;

    private final MastodonSandboxConfig config;
    private final MastodonStatuses statuses;
    private final AccessGrants grants;
    private final FixedWindowRateLimiter limiter;
    private final ObjectMapper json;

    MastodonMediaResource(MastodonSandboxConfig config, MastodonStatuses statuses, AccessGrants grants,
            MastodonRateLimit limit, ObjectMapper json) {
        this.config = config;
        this.statuses = statuses;
        this.grants = grants;
        this.limiter = limit.limiter();
        this.json = json;
    }

    @POST
    @Path("/v2/media")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RestForm("file") FileUpload file, @RestForm("description") String description) throws IOException {
        Optional<String> fingerprint = fingerprint(authorization);
        if (fingerprint.isEmpty()) {
            return unauthorized();
        }
        Decision rate = limiter.acquire(fingerprint.get());
        if (!rate.allowed()) {
            return answer(429, MastodonJson.error("Too many requests"), rate);
        }
        if (file == null) {
            return answer(422, MastodonJson.error("Validation failed: File can't be blank"), rate);
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            return answer(422, MastodonJson.error("Validation failed: Description is too long (maximum is "
                    + MAX_DESCRIPTION + " characters)"), rate);
        }
        String contentType = file.contentType() == null ? "" : file.contentType().split(";")[0].strip();
        String type = contentType.startsWith("image/") ? "image" : contentType.startsWith("video/") ? "video"
                : contentType.startsWith("audio/") ? "audio" : null;
        if (type == null) {
            return answer(422, MastodonJson.error("Validation failed: File content type is invalid"), rate);
        }
        byte[] bytes = Files.readAllBytes(file.uploadedFile());
        boolean now = type.equals("image") && bytes.length <= config.mediaSyncBytes();
        Instant readyAt = now ? statuses.now() : statuses.now().plus(config.mediaProcessing());
        MastodonStatuses.Media media = statuses.addMedia(fingerprint.get(), type, contentType, bytes.length,
                Tokens.sha256(bytes), description, readyAt);
        return answer(now ? 200 : 202, write(MastodonJson.media(config, media, now)), rate);
    }

    @GET
    @Path("/v1/media/{id}")
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Optional<String> fingerprint = fingerprint(authorization);
        if (fingerprint.isEmpty()) {
            return unauthorized();
        }
        Decision rate = limiter.acquire(fingerprint.get());
        if (!rate.allowed()) {
            return answer(429, MastodonJson.error("Too many requests"), rate);
        }
        Optional<MastodonStatuses.Media> media = statuses.media(fingerprint.get(), id);
        if (media.isEmpty()) {
            return answer(404, MastodonJson.error("Record not found"), rate);
        }
        boolean ready = media.get().ready(statuses.now());
        return answer(ready ? 200 : 206, write(MastodonJson.media(config, media.get(), ready)), rate);
    }

    private Optional<String> fingerprint(String authorization) {
        return Tokens.fromAuthorization(authorization, "Bearer")
                .filter(t -> grants.refusal(Network.MASTODON, t).isEmpty())
                .map(Tokens::fingerprint);
    }

    private static Response unauthorized() {
        return Response.status(401).type(JSON).entity(MastodonJson.error("The access token is invalid")).build();
    }

    private static Response answer(int status, String body, Decision rate) {
        return MastodonJson.withRate(Response.status(status).type(JSON).entity(body), rate).build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
