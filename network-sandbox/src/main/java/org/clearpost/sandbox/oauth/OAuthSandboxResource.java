package org.clearpost.sandbox.oauth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.clearpost.sandbox.domain.Network;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Test controls of the OAuth servers: revoke an account's grant (refreshes refused), and see what was issued. */
@Path("/sandbox/oauth/{network}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OAuth 2.0", description = "Authorization and token endpoints of every network that uses OAuth 2")
public class OAuthSandboxResource {

    private final OAuthServer server;

    OAuthSandboxResource(OAuthServer server) {
        this.server = server;
    }

    /**
     * The next {@code count} refreshes of the account's grants (every one when {@code count} is absent) answer
     * {@code invalid_grant}, as after the admin revoked the app; the refresh token presented stops working.
     */
    @POST
    @Path("/refuse-refresh")
    public void refuseRefresh(@PathParam("network") String network, @QueryParam("account") String account,
            @QueryParam("count") Integer count) {
        server.refuseRefresh(network(network), account == null ? "sandbox-admin" : account, count);
    }

    /** Every token issued on this network, oldest first: fingerprints (SHA-256 hex) only, never the tokens. */
    @GET
    @Path("/grants")
    public List<OAuthServer.Issued> grants(@PathParam("network") String network) {
        return server.issued(network(network));
    }

    private static Network network(String key) {
        return Network.fromKey(key).orElseThrow(() -> new NotFoundException("no such network: " + key));
    }
}
