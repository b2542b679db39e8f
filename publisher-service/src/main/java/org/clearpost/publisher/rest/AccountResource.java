package org.clearpost.publisher.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.clearpost.publisher.domain.AccountService;
import org.clearpost.publisher.oauth.ConnectService;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.clearpost.support.security.Roles;

/**
 * Connecting the body's network accounts: through the network's OAuth flow ({@code POST .../connect}, then the
 * browser), or by handing over an access token.
 */
@Path("/accounts")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "SecurityScheme")
public class AccountResource {

    /** The account handles drafting accepts (drafting's PostRequest), so every target can be connected. */
    private static final String ACCOUNT = "[\\p{L}\\p{N}_.@:-]+";

    private final AccountService accounts;
    private final ConnectService connects;
    private final SecurityIdentity identity;

    public AccountResource(AccountService accounts, ConnectService connects, SecurityIdentity identity) {
        this.accounts = accounts;
        this.connects = connects;
        this.identity = identity;
    }

    @GET
    public List<AccountView> list() {
        return accounts.list().stream().map(AccountView::of).toList();
    }

    /** Connects the account, or replaces its token. */
    @PUT
    @Path("{network}/{account}/token")
    public AccountView connect(@PathParam("network") String network,
            @PathParam("account") @Size(max = 100) @Pattern(regexp = ACCOUNT,
                    message = "must be an account handle or id without spaces") String account,
            @NotNull @Valid TokenRequest request) {
        return AccountView.of(accounts.connect(Params.network(network), account, request.token(),
                identity.getPrincipal().getName()));
    }

    /**
     * Starts connecting the account through its network's OAuth flow: send the admin's browser to
     * {@code authorizationUrl}; the network sends it back to {@code /oauth/{network}/callback} before
     * {@code expiresAt}.
     */
    @POST
    @Path("{network}/{account}/connect")
    public Response startConnect(@PathParam("network") String network,
            @PathParam("account") @Size(max = 100) @Pattern(regexp = ACCOUNT,
                    message = "must be an account handle or id without spaces") String account) {
        return Response.status(Response.Status.CREATED)
                .entity(connects.start(Params.network(network), account, identity.getPrincipal().getName()))
                .build();
    }

    @DELETE
    @Path("{network}/{account}")
    public void disconnect(@PathParam("network") String network, @PathParam("account") String account) {
        accounts.disconnect(Params.network(network), account, identity.getPrincipal().getName());
    }
}
