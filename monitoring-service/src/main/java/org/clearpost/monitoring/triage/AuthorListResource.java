package org.clearpost.monitoring.triage;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.clearpost.events.Network;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The monitors' author lists per network (journalist, blogger, stakeholder, critic, ...), read by triage. */
@Path("/author-lists")
@SecurityRequirement(name = "SecurityScheme")
public class AuthorListResource {

    private final TriageStore store;
    private final SecurityIdentity identity;

    public AuthorListResource(TriageStore store, SecurityIdentity identity) {
        this.store = store;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ANALYST, Roles.ADMIN })
    public List<AuthorListEntry> list(@QueryParam("network") Network network,
            @QueryParam("list") @Pattern(regexp = AuthorListRequest.LIST_NAME) String list) {
        return store.authors(network, list);
    }

    /** Idempotent: an author already on the list stays as first added (200 either way). */
    @POST
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public AuthorListEntry add(@NotNull @Valid AuthorListRequest request) {
        return store.addAuthor(request, identity.getPrincipal().getName());
    }

    @DELETE
    @Path("{network}/{list}/{handle}")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public Response remove(@PathParam("network") Network network,
            @PathParam("list") @Pattern(regexp = AuthorListRequest.LIST_NAME) String list,
            @PathParam("handle") String handle) {
        store.removeAuthor(network, list, handle, identity.getPrincipal().getName());
        return Response.noContent().build();
    }
}
