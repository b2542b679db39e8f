package org.clearpost.clearance.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.clearpost.clearance.audit.AuditChainVerifier;
import org.clearpost.clearance.audit.ChainVerification;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/audit/verify")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({ Roles.LEAD, Roles.ADMIN })
public class AuditResource {

    private final AuditChainVerifier verifier;

    public AuditResource(AuditChainVerifier verifier) {
        this.verifier = verifier;
    }

    /** Recomputes every hash from the first entry; reports the first entry that does not hold. */
    @GET
    public ChainVerification verify() {
        return verifier.verify();
    }
}
