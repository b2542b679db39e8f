package org.clearpost.monitoring.theme;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Themes of near-duplicate mentions: monitors, leads and analysts read them. */
@Path("/themes")
@SecurityRequirement(name = "SecurityScheme")
public class ThemeResource {

    private final Themes themes;

    public ThemeResource(Themes themes) {
        this.themes = themes;
    }

    /**
     * The open themes, largest first.
     *
     * @param hours   how recent a theme's latest mention must be (default: the configured window, 24 h)
     * @param minSize smallest size listed (default 2)
     */
    @GET
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ANALYST, Roles.ADMIN })
    public List<ThemeView> list(@QueryParam("hours") @Min(1) @Max(24 * 90) Integer hours,
            @QueryParam("minSize") @Min(1) @Max(1_000_000) Integer minSize, @QueryParam("query") UUID query,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return themes.open(hours == null ? null : Duration.ofHours(hours), minSize, query, page, size);
    }

    /** One theme with its newest mentions ({@code limit}, default 50). */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ANALYST, Roles.ADMIN })
    public ThemeDetailView get(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return themes.find(id, limit);
    }
}
