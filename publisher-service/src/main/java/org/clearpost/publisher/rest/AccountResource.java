package org.clearpost.publisher.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.clearpost.publisher.domain.AccountService;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.clearpost.support.security.Roles;

/** Connecting the body's network accounts: an admin hands over each account's access token. */
@Path("/accounts")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "SecurityScheme")
public class AccountResource {

    /** The account handles drafting accepts (drafting's PostRequest), so every target can be connected. */
    private static final String ACCOUNT = "[\\p{L}\\p{N}_.@:-]+";

    private final AccountService accounts;
    private final SecurityIdentity identity;

    public AccountResource(AccountService accounts, SecurityIdentity identity) {
        this.accounts = accounts;
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

    @DELETE
    @Path("{network}/{account}")
    public void disconnect(@PathParam("network") String network, @PathParam("account") String account) {
        accounts.disconnect(Params.network(network), account, identity.getPrincipal().getName());
    }
}
