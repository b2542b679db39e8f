package org.clearpost.analytics.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearpost.analytics.query.CsvWriter;
import org.clearpost.analytics.query.FigureCatalog;
import org.clearpost.analytics.query.FigureFilter;
import org.clearpost.analytics.query.FigureQueries;
import org.clearpost.analytics.query.Summaries;
import org.clearpost.events.figures.FigureType;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The figures over REST: the catalogue, each figure's rows (JSON, or CSV with {@code Accept: text/csv}), merged views
 * over a range of weeks, and the local rows other replicas ask for. Leads read figures too: they answer for clearance
 * turnaround and the pre-election report.
 */
@Path("/figures")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({ Roles.ANALYST, Roles.ADMIN, Roles.LEAD })
public class FiguresResource {

    static final String CSV = "text/csv";

    private final FigureCatalog catalog;
    private final FigureQueries queries;
    private final Clock clock;

    public FiguresResource(FigureCatalog catalog, FigureQueries queries, Clock clock) {
        this.catalog = catalog;
        this.queries = queries;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every figure: its fields, filters, window (dates or instants), retention and grace")
    public List<FigureCatalog.Description> list() {
        return Arrays.stream(FigureType.values()).map(catalog::describe).toList();
    }

    @GET
    @Path("{name}")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(summary = "A figure's rows from every replica, filtered; CSV with Accept: text/csv")
    public Response rows(@PathParam("name") String name, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("network") String network, @QueryParam("account") String account,
            @QueryParam("campaign") String campaign, @QueryParam("route") String route,
            @QueryParam("dimension") String dimension, @QueryParam("value") String value,
            @QueryParam("kind") String kind, @Context UriInfo uri, @Context HttpHeaders headers) {
        FigureFilter filter = filter(name, from, to, network, account, campaign, route, dimension, value, kind);
        return answer(queries.rows(filter, uri.getRequestUri().getRawQuery(), authorization(headers)), headers);
    }

    @GET
    @Path("{name}/summary")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(summary = "A weekly figure merged over the window: counts summed, t-digests merged for p50/p90/max")
    public Response summary(@PathParam("name") String name, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("network") String network, @QueryParam("route") String route,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        FigureType type = type(name);
        if (!Summaries.GROUPED_BY.containsKey(type)) {
            throw bad("name", name + " has no merged view; these do: " + Summaries.GROUPED_BY.keySet().stream()
                    .map(FigureType::figureName).sorted().toList());
        }
        FigureFilter filter = filter(name, from, to, network, null, null, route, null, null, null);
        List<ObjectNode> rows = queries.rows(filter, uri.getRequestUri().getRawQuery(), authorization(headers));
        return answer(Summaries.merge(type, rows), headers);
    }

    @GET
    @Path("{name}/local")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replica to replica: the rows this replica's own stores hold (same filters as the figure)")
    public List<ObjectNode> local(@PathParam("name") String name, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("network") String network,
            @QueryParam("account") String account, @QueryParam("campaign") String campaign,
            @QueryParam("route") String route, @QueryParam("dimension") String dimension,
            @QueryParam("value") String value, @QueryParam("kind") String kind) {
        return queries.localRows(filter(name, from, to, network, account, campaign, route, dimension, value, kind));
    }

    private FigureFilter filter(String name, String from, String to, String network, String account, String campaign,
            String route, String dimension, String value, String kind) {
        FigureType type = type(name);
        Map<String, String> given = new LinkedHashMap<>();
        given.put("network", network);
        given.put("account", account);
        given.put("campaign", campaign);
        given.put("route", route);
        given.put("dimension", dimension);
        given.put("value", value);
        given.put("kind", kind);
        FigureFilter filter = FigureFilter.parse(type, from, to, given, catalog.retention(type), clock.instant());
        if (catalog.part(type).isEmpty()) {
            throw ProblemException.notFound("Figure", name + " is not built by this release: no figure part");
        }
        return filter;
    }

    private static FigureType type(String name) {
        return FigureType.named(name).orElseThrow(() -> bad("name", "unknown figure '"
                + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "'; one of "
                + Arrays.stream(FigureType.values()).map(FigureType::figureName).toList()));
    }

    private static Response answer(List<ObjectNode> rows, HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                break;
            }
            if (accepted.isCompatible(MediaType.valueOf(CSV))) {
                return Response.ok(CsvWriter.write(rows), CSV + "; charset=utf-8").build();
            }
        }
        return Response.ok(rows, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static String authorization(HttpHeaders headers) {
        return headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    }

    private static ProblemException bad(String field, String message) {
        return ProblemException.badRequest(message, List.of(new Problem.Violation(field, message)));
    }
}
