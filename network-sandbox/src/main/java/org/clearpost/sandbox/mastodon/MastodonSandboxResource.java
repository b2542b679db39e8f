package org.clearpost.sandbox.mastodon;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a test needs to see of the Mastodon streams: how many are open, how many were ever opened (reconnects). */
@Path("/sandbox/mastodon")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Firehose", description = "Make mentions on every network, drop or silence live connections")
public class MastodonSandboxResource {

    private final MastodonFirehose firehose;

    MastodonSandboxResource(MastodonFirehose firehose) {
        this.firehose = firehose;
    }

    @GET
    @Path("/streams")
    public Map<String, Long> streams() {
        return Map.of("open", (long) firehose.streamsOpen(), "opened", firehose.streamsOpened());
    }
}
