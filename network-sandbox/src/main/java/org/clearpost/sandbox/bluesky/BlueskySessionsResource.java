package org.clearpost.sandbox.bluesky;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lets a test age Bluesky sessions at once: every access token issued so far answers {@code ExpiredToken}. */
@Path("/sandbox/bluesky/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sandbox", description = "Inspect and reset what the sandbox holds")
public class BlueskySessionsResource {

    private final BlueskySessions sessions;

    BlueskySessionsResource(BlueskySessions sessions) {
        this.sessions = sessions;
    }

    @POST
    @Path("/expire")
    public Map<String, Integer> expire() {
        return Map.of("expired", sessions.expireAll());
    }
}
