package org.clearpost.sandbox.x;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the X firehose holds, for tests that must count: how many mentions it made, and every post id it keeps (what an
 * intake must have read, none missing). Bursts, drops and silences go through {@code /sandbox/firehose}.
 */
@Path("/sandbox/x/firehose")
@Tag(name = "Firehose", description = "Make mentions on every network, drop or silence live connections")
public class XFirehoseResource {

    private static final int MAX_MAKE = 100_000;

    private final XFirehose firehose;

    XFirehoseResource(XFirehose firehose) {
        this.firehose = firehose;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public XFirehose.Stats stats() {
        return firehose.stats();
    }

    /** Every post id held, oldest first, one a line. */
    @GET
    @Path("/ids")
    @Produces(MediaType.TEXT_PLAIN)
    public String ids() {
        return firehose.ids();
    }

    /** Makes {@code count} posts now, streamed to whoever is connected (a burst spreads them over time instead). */
    @POST
    @Path("/posts")
    @Produces(MediaType.APPLICATION_JSON)
    public Response make(@QueryParam("count") int count) {
        if (count < 1 || count > MAX_MAKE) {
            return Response.status(400).entity(Map.of("error", "count must be 1-" + MAX_MAKE)).build();
        }
        firehose.make(count);
        return Response.ok(firehose.stats()).build();
    }
}
