package org.clearpost.drafting.media;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.clearpost.support.json.InputText;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/media")
public class MediaResource {

    /** The largest alt text any network takes (Bluesky, 2000). */
    static final int MAX_ALT_TEXT = 2000;
    static final int MAX_CAPTION = 5000;

    private final MediaLibrary library;
    private final SecurityIdentity identity;

    public MediaResource(MediaLibrary library, SecurityIdentity identity) {
        this.library = library;
        this.identity = identity;
    }

    /** Multipart form: {@code file} (required), {@code altText} and {@code caption} (optional). */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.DRAFTER)
    @SecurityRequirement(name = "SecurityScheme")
    public Response upload(@RestForm("file") FileUpload file, @RestForm("altText") String altText,
            @RestForm("caption") String caption, @Context UriInfo uri) {
        if (file == null) {
            throw ProblemException.badRequest("No file was uploaded",
                    List.of(new Problem.Violation("file", "must be a file part of the multipart form")));
        }
        checkLength("altText", altText, MAX_ALT_TEXT);
        checkLength("caption", caption, MAX_CAPTION);
        Media media = library.upload(file.uploadedFile(), file.fileName(), altText, caption,
                identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(media.id.toString()).build())
                .entity(MediaView.of(media, library.url(media))).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.LEAD, Roles.ADMIN })
    @SecurityRequirement(name = "SecurityScheme")
    public MediaView get(@PathParam("id") UUID id) {
        Media media = library.find(id);
        return MediaView.of(media, library.url(media));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DRAFTER)
    @SecurityRequirement(name = "SecurityScheme")
    public MediaView annotate(@PathParam("id") UUID id, @NotNull @Valid MediaTextRequest request) {
        Media media = library.annotate(id, request.altText(), request.caption());
        return MediaView.of(media, library.url(media));
    }

    /**
     * The bytes, for the publisher and for previews. Open to anyone who has the URL: the id is a random UUID, so the
     * URL itself is the capability, and the publisher fetches it without a token.
     */
    @GET
    @Path("{id}/content")
    @PermitAll
    public Response content(@PathParam("id") UUID id) {
        Media media = library.find(id);
        return Response.ok(library.content(media), media.contentType)
                .header(HttpHeaders.CONTENT_LENGTH, media.sizeBytes)
                .header(HttpHeaders.ETAG, "\"" + media.sha256 + "\"")
                .header("X-Content-Type-Options", "nosniff")
                // The bytes under an id never change.
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                .build();
    }

    /** PATCH body: a field left out keeps its value, an empty string clears it. */
    public record MediaTextRequest(@Size(max = MAX_ALT_TEXT) String altText, @Size(max = MAX_CAPTION) String caption) {
    }

    private static void checkLength(String field, String value, int max) {
        // Form fields do not pass through the JSON policy, so the same text rule is applied here.
        InputText.problem(value).ifPresent(reason -> {
            throw ProblemException.badRequest("The " + field + " cannot be stored",
                    List.of(new Problem.Violation(field, reason)));
        });
        if (value != null && value.length() > max) {
            throw ProblemException.badRequest("The " + field + " is too long",
                    List.of(new Problem.Violation(field, "must be at most " + max + " characters")));
        }
    }
}
