package org.clearpost.monitoring.spike;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Spikes in mentions of a tracked query (policy 1.7): everyone who watches the inbox reads them, leads acknowledge. */
@Path("/spikes")
@SecurityRequirement(name = "SecurityScheme")
public class SpikeResource {

    private final Spikes spikes;
    private final SecurityIdentity identity;

    public SpikeResource(Spikes spikes, SecurityIdentity identity) {
        this.spikes = spikes;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ANALYST, Roles.ADMIN })
    public List<SpikeView> list(@QueryParam("acknowledged") Boolean acknowledged, @QueryParam("query") UUID query,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return spikes.list(acknowledged, query, page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ANALYST, Roles.ADMIN })
    public SpikeView get(@PathParam("id") UUID id) {
        return spikes.find(id);
    }

    @POST
    @Path("{id}/acknowledge")
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public SpikeView acknowledge(@PathParam("id") UUID id, @Valid SpikeAcknowledgement acknowledgement) {
        return spikes.acknowledge(id, identity.getPrincipal().getName(),
                acknowledgement == null ? null : acknowledgement.note());
    }
}
