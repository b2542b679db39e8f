package org.clearpost.clearance.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import org.clearpost.clearance.signing.DecisionSigner;
import org.clearpost.events.EventJson;
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

    /**
     * One post: its clearance cases (text, targets, decisions) and its audit entries in chain order. Each
     * {@code CASE_APPROVED} entry's details are the PostCleared as sent, its {@code signature} verifiable against
     * {@code clearancePublicKey} (a JWK) over the canonical form of the rest (docs/events.md, "Signed decisions").
     */
    public record PostRecord(UUID postId, List<CaseView> cases, List<AuditEntry> entries,
            JsonNode clearancePublicKey) {
    }

    /** Every audit entry with {@code from <= occurredAt < to}, in chain order, and the key decisions verify by. */
    public record PeriodRecord(Instant from, Instant to, List<AuditEntry> entries, JsonNode clearancePublicKey) {
    }

    private final AuditLog auditLog;
    private final Routes routes;
    private final JsonNode clearancePublicKey;

    public FoiExportResource(AuditLog auditLog, Routes routes, DecisionSigner signer) {
        this.auditLog = auditLog;
        this.routes = routes;
        try {
            this.clearancePublicKey = EventJson.mapper().readTree(signer.publicKey());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Clearance's public key is not JSON", e);
        }
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
        return new PostRecord(postId, cases, entries, clearancePublicKey);
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
        return new PeriodRecord(period.from(), period.to(), auditLog.entriesIn(period), clearancePublicKey);
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
