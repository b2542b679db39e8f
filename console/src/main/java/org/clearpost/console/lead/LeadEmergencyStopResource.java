package org.clearpost.console.lead;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.clearpost.console.gateway.Service;
import org.clearpost.console.gateway.ServiceResponse;
import org.clearpost.console.gateway.ServiceUnavailable;
import org.clearpost.console.lead.ClearanceViews.PublisherState;
import org.clearpost.console.lead.ClearanceViews.SuspensionState;
import org.clearpost.console.web.Errors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The emergency stop (policy 1.7), on a page of its own: a reason, then a confirmation, then clearance suspends all
 * publishing; the page shows since when, by whom and why, what the publisher itself says, and resuming.
 */
@Path("/clearance/emergency-stop")
@Produces(MediaType.TEXT_HTML)
public class LeadEmergencyStopResource {

    private static final Map<String, String> LABELS = Map.of("reason", "Reason");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(SuspensionState state, PublisherState publisher, String reason,
                Errors errors);

        static native TemplateInstance confirm(String reason);
    }

    private final LeadCalls calls;

    public LeadEmergencyStopResource(LeadCalls calls) {
        this.calls = calls;
    }

    @GET
    public TemplateInstance page() {
        return page("", Errors.none());
    }

    /**
     * The step between the reason and the stop. Here the console itself asks for the reason: the stop is the
     * one call clearance would refuse without it, and a confirmation of an empty reason would only lead to that
     * refusal one step later.
     */
    @POST
    @Path("confirm")
    public Response confirm(@RestForm String reason) {
        if (reason == null || reason.isBlank()) {
            return Response.status(400).entity(page("", Errors.one("reason", "reason",
                    "Enter why you are stopping all publishing"))).build();
        }
        return Response.ok(Templates.confirm(reason.strip())).build();
    }

    @POST
    @Path("stop")
    public Response stop(@RestForm String reason) {
        ServiceResponse answer = calls.post("/publishing/suspension", new ClearanceViews.Reason(reason));
        return answered(answer, reason);
    }

    @POST
    @Path("resume")
    public Response resume(@RestForm String reason) {
        return answered(calls.deleteWithReason("/publishing/suspension", reason), reason);
    }

    private Response answered(ServiceResponse answer, String reason) {
        if (answer.ok()) {
            return LeadPreElectionResource.seeOther("/clearance/emergency-stop");
        }
        Errors errors = Errors.of(LeadCalls.labelled(answer.problem(), LABELS), Map.of("reason", "reason"));
        return Response.status(answer.status()).entity(page(reason, errors)).build();
    }

    private TemplateInstance page(String reason, Errors errors) {
        SuspensionState state = calls.read(Service.CLEARANCE, "/publishing/suspension", SuspensionState.class);
        return Templates.page(state, publisher(), reason, errors);
    }

    /**
     * What the publisher itself says: it learns of the stop through an event, so for a moment after pressing it may
     * not yet hold. Null when it cannot be asked (a lead without a clearer's role, or the publisher away): the
     * stop is clearance's, and its page works without this.
     */
    private PublisherState publisher() {
        try {
            ServiceResponse answer = calls.get(Service.PUBLISHER, "/publishing/state");
            return answer.ok() ? answer.as(PublisherState.class) : null;
        } catch (ServiceUnavailable e) {
            return null;
        }
    }
}
