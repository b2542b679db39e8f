package org.clearpost.sandbox.bluesky;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the sandbox's Bluesky made, for tests to compare with what an intake read. */
@Path("/sandbox/bluesky")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Firehose", description = "Make mentions on every network, drop or silence live connections")
public class BlueskyInspectionResource {

    private final BlueskyFirehose firehose;

    BlueskyInspectionResource(BlueskyFirehose firehose) {
        this.firehose = firehose;
    }

    /** Every post made since the last reset, oldest first: what a test expects an intake to have read. */
    @GET
    @Path("/posts")
    public List<Map<String, Object>> made() {
        return firehose.log().made().stream().map(p -> Map.<String, Object>of("uri", p.uri(), "cid", p.cid(),
                "did", p.did(), "timeUs", p.timeUs(), "mention", p.mention())).toList();
    }

}
