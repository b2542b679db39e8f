package org.clearpost.drafting.campaign;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/campaigns")
@SecurityRequirement(name = "SecurityScheme")
public class CampaignResource {

    private final Campaigns campaigns;
    private final SecurityIdentity identity;

    public CampaignResource(Campaigns campaigns, SecurityIdentity identity) {
        this.campaigns = campaigns;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.DRAFTER, Roles.LEAD })
    public Response create(@NotNull @Valid CampaignRequest request, @Context UriInfo uri) {
        CampaignView campaign = CampaignView.of(campaigns.create(request, identity.getPrincipal().getName()));
        return Response.created(uri.getAbsolutePathBuilder().path(campaign.slug()).build()).entity(campaign).build();
    }

    @PUT
    @Path("{slug}")
    @RolesAllowed({ Roles.DRAFTER, Roles.LEAD })
    public CampaignView update(@PathParam("slug") String slug, @NotNull @Valid CampaignRequest request) {
        return CampaignView.of(campaigns.update(slug, request, identity.getPrincipal().getName()));
    }

    @GET
    @Path("{slug}")
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.LEAD, Roles.MONITOR, Roles.ANALYST, Roles.ADMIN })
    public CampaignView get(@PathParam("slug") String slug) {
        return campaigns.find(slug).map(CampaignView::of)
                .orElseThrow(() -> ProblemException.notFound("Campaign", slug));
    }

    @GET
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.LEAD, Roles.MONITOR, Roles.ANALYST, Roles.ADMIN })
    public List<CampaignView> list() {
        return campaigns.list().stream().map(CampaignView::of).toList();
    }
}
