package org.clearpost.monitoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.MentionService;
import org.clearpost.events.MentionState;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.clearpost.support.security.Roles;

/** What monitors read: every mention received, newest first. */
@Path("/inbox")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({ Roles.MONITOR, Roles.ADMIN })
public class InboxResource {

    private final MentionService mentions;

    public InboxResource(MentionService mentions) {
        this.mentions = mentions;
    }

    @GET
    public List<MentionView> list(
            @QueryParam("network") Network network,
            @QueryParam("status") MentionState status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return mentions.inbox(network, status, page, size).stream().map(MentionView::of).toList();
    }

    @GET
    @Path("{id}")
    public MentionView get(@PathParam("id") UUID id) {
        return MentionView.of(mentions.find(id));
    }
}
