package org.clearpost.clearance.rest;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.clearance.audit.AuditCsv;
import org.clearpost.clearance.audit.AuditEntry;
import org.clearpost.clearance.audit.AuditLog;
import org.clearpost.clearance.audit.ExportPeriod;
import org.clearpost.clearance.domain.ClearanceCase;
import org.clearpost.clearance.routing.Routes;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Freedom of Information exports: everything recorded about one post, or every audit entry of a period, as JSON
 * ({@code Accept: application/json}) or CSV ({@code Accept: text/csv}).
 */
@Path("/audit")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({ Roles.LEAD, Roles.ADMIN })
public class FoiExportResource {

    /** One post: its clearance cases (text, targets, decisions) and its audit entries in chain order. */
    public record PostRecord(UUID postId, List<CaseView> cases, List<AuditEntry> entries) {
    }

    /** Every audit entry with {@code from <= occurredAt < to}, in chain order. */
    public record PeriodRecord(Instant from, Instant to, List<AuditEntry> entries) {
    }

    private final AuditLog auditLog;
    private final Routes routes;

    public FoiExportResource(AuditLog auditLog, Routes routes) {
        this.auditLog = auditLog;
        this.routes = routes;
    }

    @GET
    @Path("posts/{postId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public PostRecord post(@PathParam("postId") UUID postId) {
        List<CaseView> cases = ClearanceCase.<ClearanceCase>list("postId", Sort.ascending("version"), postId).stream()
                .map(c -> CaseView.of(c, routes.named(c.route))).toList();
        List<AuditEntry> entries = auditLog.entriesOfPost(postId);
        if (cases.isEmpty() && entries.isEmpty()) {
            throw ProblemException.notFound("Post", postId);
        }
        return new PostRecord(postId, cases, entries);
    }

    @GET
    @Path("posts/{postId}")
    @Produces(AuditCsv.MEDIA_TYPE)
    @Transactional
    public Response postCsv(@PathParam("postId") UUID postId) {
        return csv(post(postId).entries(), "audit-post-" + postId + ".csv");
    }

    @GET
    @Path("entries")
    @Produces(MediaType.APPLICATION_JSON)
    public PeriodRecord period(@QueryParam("from") String from, @QueryParam("to") String to) {
        ExportPeriod period = ExportPeriod.parse(from, to);
        return new PeriodRecord(period.from(), period.to(), auditLog.entriesIn(period));
    }

    @GET
    @Path("entries")
    @Produces(AuditCsv.MEDIA_TYPE)
    public Response periodCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        PeriodRecord period = period(from, to);
        return csv(period.entries(), "audit-" + period.from() + "-" + period.to() + ".csv");
    }

    private static Response csv(List<AuditEntry> entries, String fileName) {
        return Response.ok(AuditCsv.of(entries), AuditCsv.MEDIA_TYPE + ";charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName.replace(':', '-') + "\"")
                .build();
    }
}
