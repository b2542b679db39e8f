package org.clearpost.sandbox.youtube;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Test switches and inspection of YouTube uploads: break the next upload part-way (so a client must resume from the
 * byte the server reports) and see each session's chunks as they came.
 */
@Path("/sandbox/youtube")
@Tag(name = "Sandbox", description = "YouTube upload faults and inspection")
public class YouTubeUploadInspectionResource {

    private final YouTubeUploads uploads;

    YouTubeUploadInspectionResource(YouTubeUploads uploads) {
        this.uploads = uploads;
    }

    /**
     * The next chunk that carries byte number {@code afterBytes} keeps the bytes before it and then the connection
     * breaks, with no answer: the client cannot tell how much arrived until it asks.
     */
    @POST
    @Path("/interrupt-upload")
    public Response interrupt(@QueryParam("afterBytes") Long afterBytes) {
        if (afterBytes == null || afterBytes < 1) {
            return Response.status(400).type("application/problem+json")
                    .entity(Map.of("title", "afterBytes must be a positive number of bytes", "status", 400)).build();
        }
        uploads.interruptAfter(afterBytes);
        return Response.noContent().build();
    }

    /** An upload session: bytes expected and received, each chunk's {@code Content-Range}, the video id if made. */
    @GET
    @Path("/uploads/{uploadId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response session(@PathParam("uploadId") String uploadId) {
        return uploads.session(uploadId).map(s -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("uploadId", s.uploadId());
            body.put("metadata", s.metadata());
            body.put("total", s.total());
            body.put("received", s.received());
            body.put("chunks", s.chunks());
            body.put("videoId", s.video().map(YouTubeUploads.Video::id).orElse(null));
            body.put("sha256", s.video().map(YouTubeUploads.Video::sha256).orElse(null));
            return Response.ok(body).build();
        }).orElse(Response.status(404).type("application/problem+json")
                .entity(Map.of("title", "No upload session " + uploadId, "status", 404)).build());
    }
}
