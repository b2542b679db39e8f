package org.clearpost.console.clearance;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.clearpost.console.gateway.Problem;
import org.clearpost.console.gateway.Service;
import org.clearpost.console.gateway.ServiceClient;
import org.clearpost.console.gateway.ServiceProblem;
import org.clearpost.console.gateway.ServiceResponse;
import org.clearpost.console.gateway.ServiceUnavailable;
import org.clearpost.console.preview.TargetPreview;
import org.clearpost.console.session.CurrentUser;
import org.clearpost.console.web.Errors;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The clearer's screens: the queue, soonest due first, and a case with every target as its network will show it and
 * the decision form. Everything comes from clearance-service (and drafting's assessment of the post); clearance
 * alone decides who may decide, and its refusals (the two-person rule, a case already decided) are shown as it gave
 * them.
 */
@Path("/clearance")
@Produces(MediaType.TEXT_HTML)
public class ClearanceResource {

    /** The decision form's inputs by the field names clearance uses; the first is where other messages link. */
    private static final Map<String, String> DECISION_INPUTS = inputs();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(QueueFilter filter, List<QueueRow> rows, int overdue);

        static native TemplateInstance caseView(ClearanceCase clearance, Due due, List<TargetPreview> previews,
                List<ClearanceCase.Warning> postWarnings, String draftingNote, AuditTrail audit,
                List<Decision> decisions, String decision, String comment, Decision done, Errors errors);
    }

    private final ServiceClient services;
    private final CurrentUser user;
    private final Clock clock;

    public ClearanceResource(ServiceClient services, CurrentUser user, Clock clock) {
        this.services = services;
        this.user = user;
        this.clock = clock;
    }

    @GET
    public TemplateInstance queue(@RestQuery String status, @RestQuery String route, @RestQuery String network,
            @RestQuery String flagged, @RestQuery String overdue) {
        QueueFilter filter = new QueueFilter(status, route, network, flagged, overdue);
        ServiceResponse answer = services.get(Service.CLEARANCE, "/clearances" + filter.query());
        List<ClearanceCase> cases = List.of(readOrRefuse(answer).as(ClearanceCase[].class));
        List<QueueRow> rows = QueueRow.of(cases, clock.instant());
        return Templates.queue(filter, rows, QueueRow.overdueCount(rows));
    }

    /** {@code done}: the decision just recorded (after the redirect), for the confirmation banner. */
    @GET
    @Path("{caseId}")
    public TemplateInstance view(@PathParam("caseId") UUID caseId, @RestQuery String done) {
        return page(caseId, null, "", Decision.of(done).orElse(null), c -> Errors.none());
    }

    /**
     * Approve, reject or request changes, with the comment: clearance's {@code POST /clearances/{id}/<decision>}.
     * Recorded: back to the case (Post/Redirect/Get). Refused: the case again, with clearance's reason in the error
     * summary and what the clearer chose and wrote kept.
     */
    @POST
    @Path("{caseId}")
    public Response decide(@PathParam("caseId") UUID caseId, @RestForm String decision, @RestForm String comment) {
        String written = comment == null ? "" : comment;
        Decision chosen = Decision.of(decision).orElse(null);
        if (chosen == null) {
            return Response.status(400).entity(page(caseId, null, written, null, c -> Errors.one("decision",
                    "decision-approve", "Select whether to approve, request changes or reject"))).build();
        }
        ServiceResponse answer = services.postJson(Service.CLEARANCE,
                ServiceClient.path("/clearances/{}/" + chosen.value(), caseId), Map.of("comment", written));
        if (answer.ok()) {
            return Response.seeOther(URI.create(ServiceClient.path("/clearance/{}", caseId)
                    + ServiceClient.query("done", chosen.value()))).build();
        }
        Problem refusal = answer.problem();
        // Decided meanwhile by someone else: the form is gone, so the message links to the case's status instead.
        return Response.status(answer.status()).entity(page(caseId, chosen.value(), written, null,
                c -> Errors.of(refusal, c.isPending() ? DECISION_INPUTS : Map.of("status", "case-status")))).build();
    }

    /** @param errors what to show in the error summary, given the case as it is now */
    private TemplateInstance page(UUID caseId, String decision, String comment, Decision done,
            Function<ClearanceCase, Errors> errors) {
        ClearanceCase clearance = readOrRefuse(services.get(Service.CLEARANCE,
                ServiceClient.path("/clearances/{}", caseId))).as(ClearanceCase.class);
        DraftedPost post = null;
        String draftingNote = null;
        try {
            ServiceResponse drafted = services.get(Service.DRAFTING,
                    ServiceClient.path("/posts/{}", clearance.postId()));
            if (drafted.ok()) {
                post = drafted.as(DraftedPost.class);
                if (post.version() != clearance.version()) {
                    draftingNote = "The drafter has since saved version " + post.version() + " of this post. You are "
                            + "clearing version " + clearance.version() + ", shown here as it was submitted.";
                }
            } else {
                draftingNote = "Drafting's check of this post could not be read (" + drafted.problem().title()
                        + "), so problems are listed without their place in the text.";
            }
        } catch (ServiceUnavailable e) {
            // The case itself is clearance's: it can still be read and decided while drafting is down.
            draftingNote = e.getMessage() + ", so problems are listed without their place in the text.";
        }
        List<ClearanceCase.Warning> postWarnings = clearance.warnings().stream().filter(w -> w.targetId() == null)
                .toList();
        return Templates.caseView(clearance, Due.of(clearance.dueAt(), clearance.overdue(), clock.instant()),
                CasePreviews.of(clearance, post), postWarnings, draftingNote, auditTrail(clearance),
                List.of(Decision.values()), decision, comment, done, errors.apply(clearance));
    }

    /** The post's audit trail, for the people clearance shows it to (leads and admins); null for others. */
    private AuditTrail auditTrail(ClearanceCase clearance) {
        if (!user.isLead() && !user.isAdmin()) {
            return null;
        }
        ServiceResponse answer = services.send(Service.CLEARANCE, "GET",
                ServiceClient.path("/audit/posts/{}", clearance.postId()), null, null,
                Map.of("Accept", MediaType.APPLICATION_JSON));
        return answer.ok() ? answer.as(AuditTrail.class) : null;
    }

    /**
     * A page's read from clearance: its answer, or its problem as the page. A 403 is said in the console's words:
     * the service's own ("Your roles do not allow this request") does not tell a drafter where they went wrong.
     */
    private ServiceResponse readOrRefuse(ServiceResponse answer) {
        if (answer.ok()) {
            return answer;
        }
        Problem problem = answer.problem();
        if (answer.status() == 403) {
            problem = new Problem(403, problem.title(), "The clearance queue and its cases are for clearers and leads."
                    + " You are signed in as " + user.getName() + ", who is neither.", problem.violations());
        }
        throw new ServiceProblem(problem);
    }

    private static Map<String, String> inputs() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("decision", "decision-approve");
        inputs.put("comment", "comment");
        return inputs;
    }
}
