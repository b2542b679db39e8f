package org.clearpost.publisher.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.clearpost.publisher.domain.PublicationLedger;
import org.clearpost.publisher.domain.PublishingControl;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.clearpost.support.security.Roles;

@Path("/publications")
@SecurityRequirement(name = "SecurityScheme")
public class PublicationResource {

    private final PublicationLedger ledger;
    private final PublishingControl control;

    public PublicationResource(PublicationLedger ledger, PublishingControl control) {
        this.ledger = ledger;
        this.control = control;
    }

    /** Every publication of a post, all versions. */
    @GET
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.ADMIN })
    public List<PublicationView> forPost(@QueryParam("postId") @NotNull String postId) {
        UUID id = Params.uuid("postId", postId);
        boolean suspended = control.inForce().isPresent();
        return ledger.forPost(id).stream().map(p -> PublicationView.of(p, suspended)).toList();
    }
}
