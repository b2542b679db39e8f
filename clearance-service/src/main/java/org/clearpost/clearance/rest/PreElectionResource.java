package org.clearpost.clearance.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearpost.clearance.preelection.Exemption;
import org.clearpost.clearance.preelection.PeriodTerms;
import org.clearpost.clearance.preelection.PreElectionPeriod;
import org.clearpost.clearance.preelection.PreElectionService;
import org.clearpost.events.Network;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.security.Roles;
import org.clearpost.support.time.LondonTime;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Pre-election periods (policy 3.4): declared, changed and cancelled by leads; exemptions; the pinned notice. */
@Path("/pre-election")
@SecurityRequirement(name = "SecurityScheme")
public class PreElectionResource {

    /**
     * A period as declared, its start and end typed as Europe/London wall-clock time ({@link LondonTime}: an offset
     * is refused, a time in the spring gap is refused, the autumn overlap takes summer time); {@code endsAt} must be
     * after {@code startsAt}.
     */
    public record PeriodRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String kind,
            @NotBlank @Size(max = 200) String scope,
            @NotNull @JsonFormat(pattern = LondonTime.WALL_CLOCK) LocalDateTime startsAt,
            @NotNull @JsonFormat(pattern = LondonTime.WALL_CLOCK) LocalDateTime endsAt) {

        PeriodTerms terms() {
            Instant start = LondonTime.toInstant(startsAt, "startsAt");
            Instant end = LondonTime.toInstant(endsAt, "endsAt");
            if (!end.isAfter(start)) {
                throw ProblemException.badRequest("A pre-election period must end after it starts",
                        List.of(new Problem.Violation("endsAt", "must be after startsAt")));
            }
            return new PeriodTerms(name.strip(), kind.strip(), scope.strip(), start, end);
        }
    }

    /** A period, its start and end as instants with London's offset at that moment (as drafting shows times). */
    public record PeriodView(UUID id, String name, String kind, String scope, OffsetDateTime startsAt,
            OffsetDateTime endsAt, String declaredBy, Instant declaredAt, boolean cancelled, String cancelledBy,
            String cancelReason, Instant cancelledAt) {

        static PeriodView of(PreElectionPeriod p) {
            return new PeriodView(p.id, p.name, p.kind, p.scope, LondonTime.toOffset(p.startsAt),
                    LondonTime.toOffset(p.endsAt), p.declaredBy, p.declaredAt, p.cancelled(), p.cancelledBy,
                    p.cancelReason, p.cancelledAt);
        }
    }

    public record ExemptionView(UUID id, UUID periodId, UUID caseId, UUID postId, int version, String grantedBy,
            String essentialReason, String comment, Instant grantedAt) {

        static ExemptionView of(Exemption e) {
            return new ExemptionView(e.id, e.periodId, e.caseId, e.postId, e.version, e.grantedBy, e.essentialReason,
                    e.comment, e.grantedAt);
        }
    }

    public record NoticeView(Network network, String account, String text) {
    }

    private final PreElectionService periods;
    private final SecurityIdentity identity;

    public PreElectionResource(PreElectionService periods, SecurityIdentity identity) {
        this.periods = periods;
        this.identity = identity;
    }

    @POST
    @Path("periods")
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public Response declarePeriod(@Valid @NotNull PeriodRequest request) {
        PeriodView declared = PeriodView.of(periods.declare(identity.getPrincipal().getName(), request.terms()));
        return Response.status(Response.Status.CREATED).entity(declared).build();
    }

    @PUT
    @Path("periods/{id}")
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public PeriodView changePeriod(@PathParam("id") UUID id, @Valid @NotNull PeriodRequest request) {
        return PeriodView.of(periods.change(id, identity.getPrincipal().getName(), request.terms()));
    }

    @DELETE
    @Path("periods/{id}")
    @RolesAllowed({ Roles.LEAD, Roles.ADMIN })
    public PeriodView cancelPeriod(@PathParam("id") UUID id, @Valid ReasonRequest request) {
        String reason = ReasonRequest.required(request, "Cancelling a pre-election period needs a reason");
        return PeriodView.of(periods.cancel(id, identity.getPrincipal().getName(), reason));
    }

    @GET
    @Path("periods")
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.LEAD, Roles.ADMIN })
    public List<PeriodView> listPeriods() {
        return periods.list().stream().map(PeriodView::of).toList();
    }

    @GET
    @Path("exemptions")
    @RolesAllowed({ Roles.CLEARER, Roles.LEAD, Roles.ADMIN })
    public List<ExemptionView> exemptions() {
        return periods.exemptions().stream().map(ExemptionView::of).toList();
    }

    /** A suggested pinned notice for one account, for the period in force or else the next one. */
    @GET
    @Path("notice")
    @RolesAllowed({ Roles.DRAFTER, Roles.CLEARER, Roles.LEAD, Roles.ADMIN })
    public NoticeView notice(@QueryParam("network") Network network, @QueryParam("account") String account) {
        List<Problem.Violation> missing = new ArrayList<>();
        if (network == null) {
            missing.add(new Problem.Violation("network", "is required"));
        }
        if (account == null || account.isBlank()) {
            missing.add(new Problem.Violation("account", "is required"));
        }
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("Say which account the notice is for", missing);
        }
        return new NoticeView(network, account.strip(), periods.notice(network, account.strip()));
    }
}
