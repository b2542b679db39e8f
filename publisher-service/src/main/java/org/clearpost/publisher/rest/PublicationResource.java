package org.clearpost.publisher.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.clearpost.publisher.domain.PublicationLedger;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.clearpost.support.security.Roles;

@Path("/publications")
@SecurityRequirement(name = "SecurityScheme")
public class PublicationResource {

    private final PublicationLedger ledger;

    public PublicationResource(PublicationLedger ledger) {
        this.ledger = ledger;
    }

    /** Every publication of a post, all versions. */
    @GET
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.ADMIN })
    public List<PublicationView> forPost(@QueryParam("postId") @NotNull String postId) {
        return ledger.forPost(Params.uuid("postId", postId)).stream().map(PublicationView::of).toList();
    }
}
