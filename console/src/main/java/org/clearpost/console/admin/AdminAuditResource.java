package org.clearpost.console.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.console.gateway.Service;
import org.clearpost.console.gateway.ServiceClient;
import org.clearpost.console.gateway.ServiceResponse;
import org.clearpost.console.web.Errors;

/**
 * Clearance's audit chain, checked on request ({@code /audit/verify}), and the Freedom of Information export of one
 * post ({@code /audit/posts/{postId}}) as a download, JSON or CSV.
 */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
public class AdminAuditResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(ChainCheck chain, String postId, String format, Errors errors);
    }

    private final ServiceClient services;

    public AdminAuditResource(ServiceClient services) {
        this.services = services;
    }

    /** Checks the chain each time the page is shown: it recomputes every hash, so it always says how it is now. */
    @GET
    public TemplateInstance audit() {
        return Templates.audit(check(), null, "json", Errors.none());
    }

    /** A GET form (it changes nothing): the export comes back as an attachment, or the page with what went wrong. */
    @GET
    @Path("export")
    @Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, "text/csv" })
    public Response export(@QueryParam("postId") String postId, @QueryParam("format") String format) {
        FoiExport export = FoiExport.of(format);
        Optional<UUID> id = FoiExport.postId(postId);
        if (id.isEmpty()) {
            return refused(400, postId, export, Errors.one("postId", "post-id", postId == null || postId.isBlank()
                    ? "Enter the post's ID" : "Enter the post's ID as it is shown, like 3f2b9c1e-0d4a-4b7e-9a61-5c2d8e7f1a30"));
        }
        ServiceResponse answer = services.send(Service.CLEARANCE, "GET",
                ServiceClient.path("/audit/posts/{}", id.get()), null, null,
                Map.of(HttpHeaders.ACCEPT, export.mediaType()));
        if (!answer.ok()) {
            return refused(answer.status(), postId, export, OneField.errors(answer.problem(), "postId", "post-id"));
        }
        return Response.ok(answer.body(), answer.contentType())
                .header("Content-Disposition", export.contentDisposition(id.get()))
                // Everything recorded about a post: not to be kept by a shared cache or the browser's.
                .header("Cache-Control", "no-store").build();
    }

    private Response refused(int status, String postId, FoiExport export, Errors errors) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.audit(check(), postId, export.name().toLowerCase(java.util.Locale.ROOT), errors))
                .build();
    }

    private ChainCheck check() {
        return ChainCheck.of(services.read(Service.CLEARANCE, "/audit/verify"));
    }
}
