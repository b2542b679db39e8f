package org.clearpost.console.lead;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.clearpost.console.gateway.Service;
import org.clearpost.console.gateway.ServiceResponse;
import org.clearpost.console.lead.ClearanceViews.CrisisState;
import org.clearpost.console.lead.ClearanceViews.OnDuty;
import org.clearpost.console.web.Errors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Crisis mode: while on, every new case takes the crisis route (one step, by a lead). A lead turns it on or off with
 * a reason; the page shows whether it is on, who turned it on and why, the clearers on duty, and the history.
 */
@Path("/clearance/crisis")
@Produces(MediaType.TEXT_HTML)
public class LeadCrisisResource {

    private static final Map<String, String> REASON = Map.of("reason", "reason");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(CrisisState state, List<OnDuty> onDuty, String reason, Errors errors);
    }

    private final LeadCalls calls;

    public LeadCrisisResource(LeadCalls calls) {
        this.calls = calls;
    }

    @GET
    public TemplateInstance page() {
        return page("", Errors.none());
    }

    /**
     * {@code turn} is the state the person saw and asked to leave ({@code on} or {@code off}); clearance answers 409
     * if someone else got there first, which the page then shows.
     */
    @POST
    public Response turn(@RestForm String turn, @RestForm String reason) {
        ServiceResponse answer = "off".equals(turn) ? calls.deleteWithReason("/crisis-mode", reason)
                : calls.post("/crisis-mode", new ClearanceViews.Reason(reason));
        if (answer.ok()) {
            return LeadPreElectionResource.seeOther("/clearance/crisis");
        }
        Errors errors = Errors.of(LeadCalls.labelled(answer.problem(), Map.of("reason", "Reason")), REASON);
        return Response.status(answer.status()).entity(page(reason, errors)).build();
    }

    private TemplateInstance page(String reason, Errors errors) {
        return Templates.page(calls.read(Service.CLEARANCE, "/crisis-mode", CrisisState.class),
                calls.readList(Service.CLEARANCE, "/clearers/on-duty", OnDuty.class), reason, errors);
    }
}
