package org.clearpost.sandbox.linkedin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.Tokens;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * LinkedIn Images API: {@code POST /rest/images?action=initializeUpload} answers an image URN and an upload URL; the
 * bytes go by {@code PUT} to that URL with the same bearer token. Only then may a post use the image.
 */
@Path("/linkedin")
@Tag(name = "LinkedIn Images API", description = "Image upload for posts, as api.linkedin.com/rest answers it")
public class LinkedInImagesResource {

    private final LinkedInGate gate;
    private final LinkedInContent content;

    LinkedInImagesResource(LinkedInGate gate, LinkedInContent content) {
        this.gate = gate;
        this.content = content;
    }

    @POST
    @Path("/rest/images")
    public Response initializeUpload(@Context HttpHeaders headers, @Context UriInfo uri,
            @QueryParam("action") String action, JsonNode body) {
        LinkedInGate.Passed passed = gate.check(headers);
        if (passed.refusal() != null) {
            return passed.refusal();
        }
        if (!"initializeUpload".equals(action)) {
            return LinkedInGate.error(400, 100, null, "Unsupported action: " + action);
        }
        String owner = body == null ? "" : body.path("initializeUploadRequest").path("owner").asText("");
        if (!LinkedInPostsResource.AUTHOR.matcher(owner).matches()) {
            return LinkedInPostsResource.invalid("/initializeUploadRequest/owner",
                    "must be an organization or person URN, got \"" + owner + "\"");
        }
        String image = content.initializeUpload(passed.fingerprint(), owner);
        String uploadUrl = uri.getBaseUriBuilder().path("linkedin/dms-uploads/images")
                .path(image.substring(image.lastIndexOf(':') + 1)).build().toString();
        return Response.ok(Map.of("value", Map.of(
                "uploadUrlExpiresAt", Instant.now().plus(Duration.ofDays(1)).toEpochMilli(),
                "uploadUrl", uploadUrl,
                "image", image))).build();
    }

    /** The upload URL: takes the image bytes (any content type), 201 as LinkedIn's upload host answers. */
    @PUT
    @Path("/dms-uploads/images/{id}")
    public Response upload(@PathParam("id") String id, @Context HttpHeaders headers, byte[] bytes) {
        Optional<String> token = Tokens.fromAuthorization(headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                "Bearer");
        if (token.isEmpty()) {
            return LinkedInGate.error(401, 65600, "INVALID_ACCESS_TOKEN", "Empty oauth2_access_token");
        }
        if (bytes == null || bytes.length == 0) {
            return LinkedInGate.error(400, 100, null, "The upload carried no bytes");
        }
        String contentType = headers.getMediaType() == null ? "application/octet-stream"
                : headers.getMediaType().toString();
        if (!content.upload("urn:li:image:" + id, Tokens.fingerprint(token.get()), contentType, bytes)) {
            return LinkedInGate.error(404, null, null, "No upload of image " + id + " was initialized with this token");
        }
        return Response.status(201).build();
    }
}
