package org.clearpost.monitoring.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.MentionState;
import org.clearpost.events.Network;
import org.clearpost.monitoring.inbox.InboxCommand;
import org.clearpost.monitoring.inbox.InboxFilter;
import org.clearpost.monitoring.inbox.InboxMention;
import org.clearpost.monitoring.inbox.InboxService;
import org.clearpost.monitoring.inbox.InboxSort;
import org.clearpost.monitoring.inbox.SentimentLabel;
import org.clearpost.monitoring.sla.DueTimes;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The inbox: monitors and leads work it, analysts read it, admins do everything. */
@Path("/inbox")
@SecurityRequirement(name = "SecurityScheme")
public class InboxResource {

    /** The assignee filter and the assign body's word for the caller. */
    static final String ME = "me";

    private final InboxService inbox;
    private final DueTimes dueTimes;
    private final SecurityIdentity identity;

    public InboxResource(InboxService inbox, DueTimes dueTimes, SecurityIdentity identity) {
        this.inbox = inbox;
        this.dueTimes = dueTimes;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ANALYST, Roles.ADMIN })
    public List<MentionView> list(
            @QueryParam("state") MentionState state,
            @QueryParam("network") Network network,
            @QueryParam("query") @Parameter(description = "a tracked query's id", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) String query,
            @QueryParam("theme") @Parameter(description = "a theme's id", schema = @Schema(
                    type = SchemaType.STRING, format = "uuid")) String theme,
            @QueryParam("priority") MentionPriority priority,
            @QueryParam("sentiment") SentimentLabel sentiment,
            @QueryParam("assignee") @Size(max = InboxRequests.MAX_NAME) String assignee,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("label") @Size(max = InboxRequests.MAX_LABEL) String label,
            @QueryParam("possibleFoi") Boolean possibleFoi,
            @QueryParam("includeHidden") @DefaultValue("false") boolean includeHidden,
            @QueryParam("sort") @DefaultValue("NEWEST") InboxSort sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        String who = assignee == null || assignee.isBlank() ? null
                : ME.equals(assignee.strip()) ? me() : assignee.strip();
        return inbox.list(new InboxFilter(state, network, uuid("query", query), uuid("theme", theme), priority, sentiment, who, overdue,
                label == null || label.isBlank() ? null : label.strip().toLowerCase(java.util.Locale.ROOT),
                possibleFoi, includeHidden, sort, page, size)).stream().map(MentionView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ANALYST, Roles.ADMIN })
    public MentionDetailView get(@PathParam("id") UUID id) {
        return new MentionDetailView(MentionView.of(inbox.find(id)), inbox.notes(id), inbox.history(id));
    }

    @POST
    @Path("{id}/assign")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public MentionView assign(@PathParam("id") UUID id, @NotNull @Valid InboxRequests.Assign request) {
        return act(id, new InboxCommand.Assign(assignee(request.assignee())));
    }

    @POST
    @Path("{id}/unassign")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public MentionView unassign(@PathParam("id") UUID id) {
        return act(id, new InboxCommand.Unassign());
    }

    @POST
    @Path("{id}/state")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public MentionView changeState(@PathParam("id") UUID id, @NotNull @Valid InboxRequests.ChangeState request) {
        return act(id, new InboxCommand.ChangeState(request.state(), request.reason()));
    }

    @POST
    @Path("{id}/labels")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public MentionView labels(@PathParam("id") UUID id, @NotNull @Valid InboxRequests.Labels request) {
        return act(id, new InboxCommand.Labels(request.add(), request.remove()));
    }

    @POST
    @Path("{id}/notes")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public Response addNote(@PathParam("id") UUID id, @NotNull @Valid InboxRequests.Note request) {
        return Response.status(Response.Status.CREATED).entity(inbox.addNote(id, request.text(), me())).build();
    }

    /** Claims the mention for answering, or renews the caller's claim; 409 naming the holder if someone else has it. */
    @POST
    @Path("{id}/claim")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public MentionView claim(@PathParam("id") UUID id) {
        return act(id, new InboxCommand.TakeClaim());
    }

    /** Releases the caller's claim; a lead or admin may release anyone's. */
    @DELETE
    @Path("{id}/claim")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public MentionView release(@PathParam("id") UUID id) {
        return act(id, new InboxCommand.ReleaseClaim(mayOverrule()));
    }

    @POST
    @Path("{id}/priority")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public MentionView prioritise(@PathParam("id") UUID id, @NotNull @Valid InboxRequests.Prioritise request) {
        return act(id, new InboxCommand.Prioritise(request.priority(), request.reason(), dueTimes::responseDue));
    }

    @POST
    @Path("{id}/hide")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public MentionView hide(@PathParam("id") UUID id, @Valid InboxRequests.Hide request) {
        return act(id, new InboxCommand.Hide(request == null ? null : request.reason()));
    }

    @POST
    @Path("{id}/show")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public MentionView show(@PathParam("id") UUID id) {
        return act(id, new InboxCommand.Show());
    }

    /** One action on many mentions (given by ids, or a theme's), all or none. */
    @POST
    @Path("bulk")
    @RolesAllowed({ Roles.MONITOR, Roles.LEAD, Roles.ADMIN })
    public InboxRequests.BulkResult bulk(@NotNull @Valid InboxRequests.Bulk request) {
        if ((request.ids() == null) == (request.themeId() == null)) {
            throw badRequest("ids", "give either ids or themeId");
        }
        InboxCommand command = command(request);
        List<InboxMention> mentions = request.ids() != null ? inbox.act(request.ids(), command, me())
                : inbox.actOnTheme(request.themeId(), command, me());
        return new InboxRequests.BulkResult(mentions.size(), mentions.stream().map(MentionView::of).toList());
    }

    private InboxCommand command(InboxRequests.Bulk request) {
        return switch (request.action()) {
            case ASSIGN -> new InboxCommand.Assign(assignee(required("assignee", request.assignee())));
            case UNASSIGN -> new InboxCommand.Unassign();
            case STATE -> new InboxCommand.ChangeState(required("state", request.state()), request.reason());
            case LABELS -> new InboxCommand.Labels(request.add(), request.remove());
            case CLAIM -> new InboxCommand.TakeClaim();
            case RELEASE_CLAIM -> new InboxCommand.ReleaseClaim(mayOverrule());
            case PRIORITY -> new InboxCommand.Prioritise(required("priority", request.priority()), request.reason(),
                    dueTimes::responseDue);
            case HIDE -> new InboxCommand.Hide(request.reason());
            case SHOW -> new InboxCommand.Show();
        };
    }

    private MentionView act(UUID id, InboxCommand command) {
        return MentionView.of(inbox.act(id, command, me()));
    }

    private String assignee(String assignee) {
        String name = assignee.strip();
        return ME.equals(name) ? me() : name;
    }

    private boolean mayOverrule() {
        return identity.hasRole(Roles.LEAD) || identity.hasRole(Roles.ADMIN);
    }

    private String me() {
        return identity.getPrincipal().getName();
    }

    /** An id given as a query parameter; one that is not a UUID is a 400 naming it (JAX-RS would answer 404). */
    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw badRequest(field, "not an id (a UUID)");
        }
    }

    private static <T> T required(String field, T value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw badRequest(field, "required by this action");
        }
        return value;
    }

    private static ProblemException badRequest(String field, String message) {
        return ProblemException.badRequest(field + ": " + message, List.of(new Problem.Violation(field, message)));
    }
}
