package org.clearpost.console.figures;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.clearpost.console.gateway.Service;
import org.clearpost.console.gateway.ServiceClient;
import org.clearpost.console.gateway.ServiceProblem;
import org.clearpost.console.gateway.ServiceResponse;
import org.clearpost.console.web.Errors;

/**
 * The analyst's screen: analytics' figures for a date range as charts, each with its numbers in a table (the
 * accessible version) and a CSV download of the figure as analytics writes it. Each figure is asked for on its own, so
 * one analytics refuses (a range longer than it keeps, say) says so in its own section and the others still show.
 */
@Path("/figures")
@Produces(MediaType.TEXT_HTML)
public class FiguresResource {

    /** The figures this page links to as CSV, and which have a merged view ({@code /summary}). */
    static final Set<String> DOWNLOADABLE = Set.of("post-activity", "mentions-hourly", "clearance-turnaround");
    static final Set<String> SUMMARIES = Set.of("clearance-turnaround");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance figures(DateRange range, DateRange.Fields fields, String measure,
                Map<String, String> measures, FigureSection posts, FigureSection mentions,
                FigureSection turnaround, Chart decisions, Errors errors);
    }

    private final ServiceClient services;
    private final Clock clock;

    public FiguresResource(ServiceClient services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    @GET
    public Response figures(@Context UriInfo uri, @QueryParam("measure") String measure) {
        Map<String, String> params = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> params.put(name, values.get(0)));
        DateRange.Fields fields = DateRange.Fields.of(params);
        String chosen = measure != null && FigureCharts.POST_MEASURES.containsKey(measure) ? measure : "drafted";
        LocalDate today = LocalDate.now(clock.withZone(FigureCharts.LONDON));
        DateRange range;
        try {
            range = fields.range(today);
        } catch (DateRange.InvalidDate e) {
            DateRange fallback = DateRange.lastDays(today);
            return Response.status(400).entity(Templates.figures(fallback, fields, chosen,
                    FigureCharts.POST_MEASURES, null, null, null, null,
                    Errors.one(e.field(), e.inputId(), e.getMessage()))).build();
        }
        if (fields.isBlank()) {
            fields = DateRange.Fields.of(range);
        }
        String window = ServiceClient.query("from", range.from(), "to", range.to());
        FigureSection posts = section("posts", "Posts per network and day", "post-activity", false, window, "",
                rows -> FigureCharts.postsPerNetworkAndDay(rows, chosen, range));
        FigureSection mentions = section("mentions", "Mentions per network and day", "mentions-hourly", false,
                window, "&dimension=network",
                rows -> FigureCharts.mentionsPerNetworkAndDay(rows, range));
        FigureSection turnaround = section("turnaround", "Clearance turnaround", "clearance-turnaround", true,
                window, "", FigureCharts::turnaroundPerRoute);
        Chart decisions = turnaround.chart() == null ? null : FigureCharts.decisionsPerRoute(turnaround.rows());
        return Response.ok(Templates.figures(range, fields, chosen, FigureCharts.POST_MEASURES, posts, mentions,
                turnaround, decisions, Errors.none())).build();
    }

    /**
     * A figure as CSV, as analytics writes it (its columns, RFC 4180), saved under a name that says which figure and
     * which days. {@code view} is {@code summary} for the merged view.
     */
    @GET
    @Path("{name}/csv")
    @Produces("text/csv")
    public Response csv(@PathParam("name") String name, @QueryParam("view") String view,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("dimension") String dimension) {
        if (!DOWNLOADABLE.contains(name)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        boolean summary = "summary".equals(view) && SUMMARIES.contains(name);
        String path = ServiceClient.path("/figures/{}", name) + (summary ? "/summary" : "")
                + ServiceClient.query("from", from, "to", to, "dimension", dimension);
        ServiceResponse answer = services.send(Service.ANALYTICS, "GET", path, null, null,
                Map.of("Accept", "text/csv")).orProblem();
        return Response.ok(answer.body(), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + FigureCharts.csvFileName(name, summary,
                        from, to) + "\"")
                .build();
    }

    private FigureSection section(String id, String title, String figure, boolean summary, String window,
            String extra, Function<List<JsonNode>, Chart> chart) {
        ServiceResponse answer = services.get(Service.ANALYTICS, ServiceClient.path("/figures/{}", figure)
                + (summary ? "/summary" : "") + window + extra);
        String csv = ServiceClient.path("/figures/{}/csv", figure) + window + extra
                + (summary ? "&view=summary" : "");
        if (!answer.ok()) {
            var problem = answer.problem();
            if (problem.status() == 400) {
                String detail = problem.violations().isEmpty() ? problem.detail()
                        : problem.violations().get(0).message();
                return new FigureSection(id, title, null, detail != null ? detail : problem.title(), null,
                        List.of());
            }
            throw new ServiceProblem(problem);
        }
        List<JsonNode> rows = new ArrayList<>();
        answer.json().forEach(rows::add);
        return new FigureSection(id, title, chart.apply(rows), null, csv, rows);
    }
}
