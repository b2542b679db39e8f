package org.clearpost.console.lead;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clearpost.console.gateway.Problem;
import org.clearpost.console.gateway.Service;
import org.clearpost.console.gateway.ServiceClient;
import org.clearpost.console.gateway.ServiceProblem;
import org.clearpost.console.gateway.ServiceResponse;
import org.clearpost.console.lead.ClearanceViews.Exemption;
import org.clearpost.console.lead.ClearanceViews.Notice;
import org.clearpost.console.lead.ClearanceViews.Period;
import org.clearpost.console.lead.ClearanceViews.PeriodRow;
import org.clearpost.console.web.Errors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Pre-election periods (policy 3.4) as a lead runs them: the periods, declared, changed and ended; the exemptions
 * granted under them; and the notice to pin on an account. Everything is clearance's: its refusals are shown beside
 * the fields they name.
 */
@Path("/clearance/pre-election")
@Produces(MediaType.TEXT_HTML)
public class LeadPreElectionResource {

    /** The networks a notice can be asked for, as clearance names them and as people write them. */
    public record NetworkOption(String value, String label) {
    }

    static final List<NetworkOption> NETWORKS = List.of(new NetworkOption("X", "X"),
            new NetworkOption("FACEBOOK", "Facebook"), new NetworkOption("LINKEDIN", "LinkedIn"),
            new NetworkOption("YOUTUBE", "YouTube"), new NetworkOption("FLICKR", "Flickr"),
            new NetworkOption("SOUNDCLOUD", "SoundCloud"), new NetworkOption("BLUESKY", "Bluesky"),
            new NetworkOption("MASTODON", "Mastodon"), new NetworkOption("THREADS", "Threads"));

    private static final Map<String, String> NOTICE_INPUTS = Map.of("network", "notice-network", "account",
            "notice-account");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(List<PeriodRow> periods, List<ExemptionRow> exemptions, PeriodForm form,
                Errors errors, List<NetworkOption> networks, String noticeNetwork, String noticeAccount,
                Notice notice, String noticeMissing, Errors noticeErrors);

        static native TemplateInstance change(Period period, PeriodForm form, Errors errors);

        static native TemplateInstance end(Period period, String reason, Errors errors);
    }

    /** An exemption with the period it was granted under. */
    public record ExemptionRow(Exemption exemption, String periodName) {
    }

    private final LeadCalls calls;
    private final Clock clock;

    public LeadPreElectionResource(LeadCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    @GET
    public TemplateInstance page(@QueryParam("network") String network, @QueryParam("account") String account) {
        return page(PeriodForm.empty(), Errors.none(), network, account);
    }

    @POST
    @Path("periods")
    public Response declare(@BeanParam PeriodForm form) {
        PeriodForm.Reading reading = form.read();
        ServiceResponse answer = calls.post("/pre-election/periods", reading.request());
        if (answer.ok()) {
            return seeOther("/clearance/pre-election#periods");
        }
        Errors errors = Errors.of(reading.refusal(answer.problem()), PeriodForm.INPUTS);
        return Response.status(answer.status()).entity(page(form, errors, null, null)).build();
    }

    @GET
    @Path("periods/{id}")
    public TemplateInstance change(@PathParam("id") UUID id) {
        Period period = period(id);
        return Templates.change(period, PeriodForm.of(period), Errors.none());
    }

    @POST
    @Path("periods/{id}")
    public Response change(@PathParam("id") UUID id, @BeanParam PeriodForm form) {
        PeriodForm.Reading reading = form.read();
        ServiceResponse answer = calls.put(ServiceClient.path("/pre-election/periods/{}", id), reading.request());
        if (answer.ok()) {
            return seeOther("/clearance/pre-election#periods");
        }
        Errors errors = Errors.of(reading.refusal(answer.problem()), PeriodForm.INPUTS);
        return Response.status(answer.status()).entity(Templates.change(period(id), form, errors)).build();
    }

    @GET
    @Path("periods/{id}/end")
    public TemplateInstance end(@PathParam("id") UUID id) {
        return Templates.end(period(id), "", Errors.none());
    }

    /** Clearance's one way to end a period early is to cancel it, with a reason; it stays listed as cancelled. */
    @POST
    @Path("periods/{id}/end")
    public Response end(@PathParam("id") UUID id, @RestForm String reason) {
        ServiceResponse answer = calls.deleteWithReason(ServiceClient.path("/pre-election/periods/{}", id), reason);
        if (answer.ok()) {
            return seeOther("/clearance/pre-election#periods");
        }
        Errors errors = Errors.of(LeadCalls.labelled(answer.problem(), Map.of("reason", "Reason")),
                Map.of("reason", "reason"));
        return Response.status(answer.status()).entity(Templates.end(period(id), reason, errors)).build();
    }

    private TemplateInstance page(PeriodForm form, Errors errors, String network, String account) {
        Instant now = clock.instant();
        List<Period> periods = calls.readList(Service.CLEARANCE, "/pre-election/periods", Period.class);
        List<PeriodRow> rows = periods.stream().map(p -> new PeriodRow(p, p.state(now))).toList();
        Map<UUID, String> names = periods.stream().collect(Collectors.toMap(Period::id, Period::name, (a, b) -> a));
        List<ExemptionRow> exemptions = calls.readList(Service.CLEARANCE, "/pre-election/exemptions", Exemption.class)
                .stream().map(e -> new ExemptionRow(e, names.getOrDefault(e.periodId(), "")))
                .toList();
        Notice notice = null;
        String missing = null;
        Errors noticeErrors = Errors.none();
        if (network != null || account != null) {
            ServiceResponse answer = calls.get(ServiceClient.path("/pre-election/notice")
                    + ServiceClient.query("network", network, "account", account));
            if (answer.ok()) {
                notice = answer.as(Notice.class);
            } else if (answer.status() == 404) {
                // Not a mistake in the form: there is simply no period to give notice of.
                missing = answer.problem().detail();
            } else {
                noticeErrors = Errors.of(LeadCalls.labelled(answer.problem(),
                        Map.of("network", "Network", "account", "Account")), NOTICE_INPUTS);
            }
        }
        return Templates.page(rows, exemptions, form, errors, NETWORKS, network == null ? "" : network,
                account == null ? "" : account, notice, missing, noticeErrors);
    }

    private Period period(UUID id) {
        // Clearance lists periods but has no read of one: the list holds every recent one.
        return calls.readList(Service.CLEARANCE, "/pre-election/periods", Period.class).stream()
                .filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new ServiceProblem(new Problem(404, "Not found",
                        "There is no pre-election period " + id, List.of())));
    }

    static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }
}
