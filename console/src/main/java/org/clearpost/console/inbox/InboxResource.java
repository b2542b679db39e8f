package org.clearpost.console.inbox;

import org.clearpost.console.web.LondonTime;
import org.clearpost.console.web.Words;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.console.gateway.Problem;
import org.clearpost.console.gateway.Service;
import org.clearpost.console.gateway.ServiceClient;
import org.clearpost.console.gateway.ServiceProblem;
import org.clearpost.console.gateway.ServiceResponse;
import org.clearpost.console.web.Errors;

/**
 * The monitor's screens: the inbox with monitoring's own filters, and one mention with its context, triage, notes and
 * history, the actions a monitor takes on it, and a reply (monitoring's {@code POST /replies}: drafting makes it a
 * post, cleared like every other). Every rule is monitoring's: a refused action shows monitoring's problem on the form.
 */
@Path("/inbox")
@Produces(MediaType.TEXT_HTML)
public class InboxResource {

    /** monitoring's field names → the ids of the inputs that show them. */
    static final Map<String, String> FILTER_INPUTS = filterInputs();
    static final Map<String, String> REPLY_INPUTS = Map.of("text", "reply-text", "savedReplyId", "reply-saved",
            "account", "reply-account");
    static final Map<String, String> NOTE_INPUTS = Map.of("text", "note-text");
    static final Map<String, String> STATE_INPUTS = Map.of("reason", "close-reason", "state", "close-state");

    /** What the page says after an action succeeded (a fixed word in the redirect, never text from the request). */
    static final Map<String, String> DONE = Map.of(
            "reply", "Your reply is with drafting. It goes to clearance like every post; its progress is below.",
            "assigned", "The mention is assigned to you.",
            "closed", "The mention is closed.",
            "note", "Your note is added.",
            "claimed", "You hold the claim: nobody else can answer this mention until it ends.",
            "released", "You released your claim.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(InboxFilter filter, List<Mention> mentions, List<TrackedQuery> queries,
                String nextLink, Errors errors);

        static native TemplateInstance mention(Mention mention, List<Reply> replies, Theme theme,
                List<SavedReply> savedReplies, MentionForm form, String done, Errors errors);
    }

    /** A tracked query, for the filter's choices. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TrackedQuery(UUID id, String name) {
    }

    /** The mention's theme (nearly the same words from many people), with its newest mentions: the context. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Theme(UUID id, String label, int size, List<Member> mentions) {
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Member(UUID id, String network, String authorName, String authorHandle, String text,
                Instant receivedAt, String status) {
            public String getReceived() {
                return LondonTime.shown(receivedAt);
            }

            public String getStatusShown() {
                return Words.of(status);
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SavedReply(UUID id, String name, String text) {
    }

    /** What the person typed into the mention's forms, kept when monitoring refuses it. */
    public record MentionForm(String replyText, String replyAccount, String savedReplyId, String noteText,
            String closeState, String closeReason) {
        static final MentionForm EMPTY = new MentionForm(null, null, null, null, null, null);
    }

    private final ServiceClient services;

    public InboxResource(ServiceClient services) {
        this.services = services;
    }

    @GET
    public Response list(@Context UriInfo uri) {
        Map<String, String> params = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> params.put(name, values.get(0)));
        InboxFilter filter = InboxFilter.of(params);
        ServiceResponse answer = services.get(Service.MONITORING, "/inbox" + filter.monitoringQuery());
        List<TrackedQuery> queries = trackedQueries();
        if (answer.status() == 400) {
            // A filter monitoring does not take: the form again, with its message next to that filter
            return Response.status(400).entity(Templates.list(filter, List.of(), queries, null,
                    Errors.of(answer.problem(), FILTER_INPUTS))).build();
        }
        List<Mention> mentions = Arrays.asList(answer.orProblem().as(Mention[].class));
        return Response.ok(Templates.list(filter, mentions, queries, filter.nextLink(mentions.size()), Errors.none()))
                .build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance mention(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return page(id, MentionForm.EMPTY, done == null ? null : DONE.get(done), Errors.none());
    }

    @POST
    @Path("{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assignToMe(@PathParam("id") UUID id) {
        return act(id, services.postJson(Service.MONITORING, ServiceClient.path("/inbox/{}/assign", id),
                Map.of("assignee", "me")), "assigned", MentionForm.EMPTY, Map.of());
    }

    @POST
    @Path("{id}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(@PathParam("id") UUID id) {
        return act(id, services.postJson(Service.MONITORING, ServiceClient.path("/inbox/{}/claim", id), Map.of()),
                "claimed", MentionForm.EMPTY, Map.of());
    }

    @POST
    @Path("{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@PathParam("id") UUID id) {
        return act(id, services.delete(Service.MONITORING, ServiceClient.path("/inbox/{}/claim", id)), "released",
                MentionForm.EMPTY, Map.of());
    }

    /** Closes the mention: CLOSED (reason optional) or NO_RESPONSE_NEEDED (monitoring requires the reason). */
    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") UUID id, @FormParam("state") String state,
            @FormParam("reason") String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state == null || state.isBlank() ? "CLOSED" : state);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        MentionForm typed = new MentionForm(null, null, null, null, state, reason);
        return act(id, services.postJson(Service.MONITORING, ServiceClient.path("/inbox/{}/state", id), body),
                "closed", typed, STATE_INPUTS);
    }

    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("id") UUID id, @FormParam("text") String text) {
        MentionForm typed = new MentionForm(null, null, null, text, null, null);
        return act(id, services.postJson(Service.MONITORING, ServiceClient.path("/inbox/{}/notes", id),
                Map.of("text", text == null ? "" : text)), "note", typed, NOTE_INPUTS);
    }

    /**
     * Asks monitoring for a reply: it records it, moves the mention to AWAITING_CLEARANCE and sends drafting the
     * request, which makes it a post and submits it to clearance. The text, or a saved reply with the author filled in.
     */
    @POST
    @Path("{id}/reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(@PathParam("id") UUID id, @FormParam("text") String text,
            @FormParam("account") String account, @FormParam("savedReplyId") String savedReplyId) {
        MentionForm typed = new MentionForm(text, account, savedReplyId, null, null, null);
        return act(id, services.postJson(Service.MONITORING, "/replies", replyRequest(id, text, account,
                savedReplyId)), "reply", typed, REPLY_INPUTS);
    }

    /** Monitoring's reply request: only what was given (monitoring wants exactly one of text and savedReplyId). */
    static Map<String, Object> replyRequest(UUID mentionId, String text, String account, String savedReplyId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mentionId", mentionId.toString());
        if (text != null && !text.isBlank()) {
            body.put("text", text.strip());
        }
        if (account != null && !account.isBlank()) {
            body.put("account", account.strip());
        }
        if (savedReplyId != null && !savedReplyId.isBlank()) {
            body.put("savedReplyId", savedReplyId.strip());
        }
        if (!body.containsKey("text") && !body.containsKey("savedReplyId")) {
            body.put("text", ""); // monitoring names the missing text
        }
        return body;
    }

    /** Post/Redirect/Get on success; otherwise the mention again with monitoring's problem and what was typed. */
    private Response act(UUID id, ServiceResponse answer, String done, MentionForm typed, Map<String, String> inputs) {
        if (answer.ok()) {
            return Response.seeOther(URI.create(ServiceClient.path("/inbox/{}", id) + "?done=" + done)).build();
        }
        Problem problem = answer.problem();
        if (problem.status() == 404 && inputs.isEmpty()) {
            throw new ServiceProblem(problem);
        }
        return Response.status(problem.status()).entity(page(id, typed, null, Errors.of(problem, inputs))).build();
    }

    private TemplateInstance page(UUID id, MentionForm form, String done, Errors errors) {
        Mention mention = services.get(Service.MONITORING, ServiceClient.path("/inbox/{}", id)).orProblem()
                .as(Mention.class);
        List<Reply> replies = listOrEmpty(services.get(Service.MONITORING, "/replies"
                + ServiceClient.query("mentionId", id)), Reply[].class);
        Theme theme = null;
        if (mention.themeId() != null) {
            ServiceResponse themed = services.get(Service.MONITORING,
                    ServiceClient.path("/themes/{}", mention.themeId()) + "?limit=6");
            theme = themed.ok() ? themed.as(Theme.class) : null;
        }
        List<SavedReply> saved = listOrEmpty(services.get(Service.MONITORING, "/saved-replies"), SavedReply[].class);
        return Templates.mention(mention, replies, theme, saved, form, done, errors);
    }

    private List<TrackedQuery> trackedQueries() {
        return listOrEmpty(services.get(Service.MONITORING, "/queries"), TrackedQuery[].class);
    }

    /** A side list the page can do without (the reply history, saved replies): empty if monitoring refuses it. */
    private static <T> List<T> listOrEmpty(ServiceResponse answer, Class<T[]> type) {
        return answer.ok() ? Arrays.asList(answer.as(type)) : List.of();
    }

    private static Map<String, String> filterInputs() {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String field : InboxFilter.FIELDS) {
            inputs.put(field, "filter-" + field);
        }
        return inputs;
    }
}
