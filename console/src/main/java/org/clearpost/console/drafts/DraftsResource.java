package org.clearpost.console.drafts;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.console.gateway.Multipart;
import org.clearpost.console.gateway.Service;
import org.clearpost.console.gateway.ServiceClient;
import org.clearpost.console.gateway.ServiceResponse;
import org.clearpost.console.preview.TargetPreview;
import org.clearpost.console.session.CurrentUser;
import org.clearpost.console.web.Errors;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * The drafter's screens: the posts list, compose (new and edit) with its live preview, and one post. Every check and
 * count is drafting's own ({@code POST /posts/preview}); this only carries the form there and lays out the answer.
 * The compose form is {@code multipart/form-data}, so that a file and its alt text go with everything else typed and
 * nothing is lost without JavaScript; its buttons name what to do ({@code action}).
 */
@Path("/posts")
@Produces(MediaType.TEXT_HTML)
public class DraftsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PostListing listing, List<Option> campaigns);

        static native TemplateInstance compose(String heading, String action, String postId, ComposeForm form,
                List<Option> campaigns, List<Option> liveEvents, List<TargetPreview> previews, Errors errors,
                List<Option> networks);

        static native TemplateInstance preview(List<TargetPreview> previews, Errors errors);

        static native TemplateInstance post(PostPage post, boolean justSubmitted);
    }

    /** A choice in a select: value and words. */
    public record Option(String value, String label) {
    }

    private final ServiceClient services;
    private final CurrentUser user;

    public DraftsResource(ServiceClient services, CurrentUser user) {
        this.services = services;
        this.user = user;
    }

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("network") String network,
            @QueryParam("campaign") String campaign, @QueryParam("text") String text,
            @QueryParam("page") Integer page) {
        PostListing listing = PostListing.filters(status, network, campaign, text, page);
        ServiceResponse answer = services.get(Service.DRAFTING, listing.query()).orProblem();
        long total = answer.header("X-Total-Count").map(Long::parseLong).orElse(0L);
        return Templates.list(listing.with(answer.json(), total), campaigns());
    }

    @GET
    @Path("new")
    public TemplateInstance compose() {
        return compose(null, ComposeForm.empty(List.of()).offering(knownAccounts()), List.of(), Errors.none());
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance edit(@PathParam("id") UUID id) {
        ComposeForm form = ComposeForm.of(services.read(Service.DRAFTING, ServiceClient.path("/posts/{}", id)));
        Previewed previewed = preview(form);
        return compose(id.toString(), form.offering(knownAccounts()), previewed.targets(), previewed.errors());
    }

    @POST
    @Path("new")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response create(MultipartFormDataInput input) {
        return act(null, input);
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response revise(@PathParam("id") UUID id, MultipartFormDataInput input) {
        return act(id.toString(), input);
    }

    /** The live preview's fragment: compose.js posts the form here as it is typed, and swaps the answer in. */
    @POST
    @Path("preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance livePreview(MultipartFormDataInput input) {
        Previewed previewed = preview(ComposeForm.parse(texts(input)));
        return Templates.preview(previewed.targets(), previewed.errors());
    }

    @GET
    @Path("{id}")
    public TemplateInstance post(@PathParam("id") UUID id, @QueryParam("submitted") boolean submitted) {
        JsonNode post = services.read(Service.DRAFTING, ServiceClient.path("/posts/{}", id));
        JsonNode versions = services.read(Service.DRAFTING, ServiceClient.path("/posts/{}/versions", id));
        return Templates.post(PostPage.of(post, versions), submitted);
    }

    /** Submit from the post page: straight to clearance, or back to its edit screen with drafting's reasons. */
    @POST
    @Path("{id}/submit")
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    public Response submit(@PathParam("id") UUID id) {
        ServiceResponse submitted = services.send(Service.DRAFTING, "POST", ServiceClient.path("/posts/{}/submit",
                id), null, null);
        if (submitted.ok()) {
            return seeOther("/posts/" + id + "?submitted=true");
        }
        ComposeForm form = ComposeForm.of(services.read(Service.DRAFTING, ServiceClient.path("/posts/{}", id)));
        return refused(id.toString(), form, submitted);
    }

    private Response act(String postId, MultipartFormDataInput input) {
        Map<String, List<String>> values = texts(input);
        ComposeForm form = ComposeForm.parse(values);
        String action = values.getOrDefault("action", List.of("check")).get(0);
        switch (action) {
            case "add-part":
                return shown(postId, form.withAnotherThreadPart(), preview(form));
            case "upload":
                return upload(postId, form, input);
            case "save":
            case "submit":
                return save(postId, form, action.equals("submit"));
            default:
                return shown(postId, form, preview(form));
        }
    }

    private Response save(String postId, ComposeForm form, boolean submit) {
        Map<String, Object> request;
        try {
            request = form.request();
        } catch (IllegalArgumentException badTime) {
            return shown(postId, form, new Previewed(List.of(), Errors.one("scheduledFor", "scheduledDay",
                    badTime.getMessage())), 400);
        }
        ServiceResponse saved = postId == null ? services.postJson(Service.DRAFTING, "/posts", request)
                : services.putJson(Service.DRAFTING, ServiceClient.path("/posts/{}", postId), request);
        if (!saved.ok()) {
            return refused(postId, form, saved);
        }
        String id = saved.json().path("id").asText();
        if (!submit) {
            return seeOther("/posts/" + id);
        }
        ServiceResponse submitted = services.send(Service.DRAFTING, "POST", ServiceClient.path("/posts/{}/submit",
                id), null, null);
        // Refused for its content: the draft is saved; its edit screen shows why, next to each field.
        return submitted.ok() ? seeOther("/posts/" + id + "?submitted=true") : refused(id, form, submitted);
    }

    private Response upload(String postId, ComposeForm form, MultipartFormDataInput input) {
        FormValue file = file(input, "mediaFile");
        if (file == null) {
            return shown(postId, form, new Previewed(preview(form).targets(), Errors.one("media", "mediaFile",
                    "Choose a picture, video or sound file to upload")), 400);
        }
        String altText = texts(input).getOrDefault("mediaAltText", List.of("")).get(0).strip();
        String type = file.getHeaders().getFirst("Content-Type");
        Multipart body = new Multipart().file("file", file.getFileName(),
                type == null ? "application/octet-stream" : type, file.getFileItem().getFile());
        if (!altText.isEmpty()) {
            body.field("altText", altText);
        }
        ServiceResponse uploaded = services.upload(Service.DRAFTING, "/media", body);
        if (!uploaded.ok()) {
            return shown(postId, form, new Previewed(preview(form).targets(),
                    Errors.of(uploaded.problem(), Map.of("file", "mediaFile", "altText", "mediaAltText"))),
                    uploaded.status());
        }
        ComposeForm with = form.withMedia(new ComposeForm.Media(uploaded.json().path("id").asText(),
                altText.isEmpty() ? null : altText));
        return shown(postId, with, preview(with));
    }

    private Response refused(String postId, ComposeForm form, ServiceResponse answer) {
        Previewed previewed = preview(form);
        return shown(postId, form, new Previewed(previewed.targets(),
                Errors.of(answer.problem(), form.inputs())), answer.status());
    }

    private Response shown(String postId, ComposeForm form, Previewed previewed) {
        return shown(postId, form, previewed, 200);
    }

    private Response shown(String postId, ComposeForm form, Previewed previewed, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(compose(postId, form.offering(knownAccounts()), previewed.targets(), previewed.errors()))
                .build();
    }

    private TemplateInstance compose(String postId, ComposeForm form, List<TargetPreview> previews, Errors errors) {
        return Templates.compose(postId == null ? "New post" : "Edit post",
                postId == null ? "/posts/new" : "/posts/" + postId + "/edit", postId, form, campaigns(),
                liveEvents(), previews, errors,
                ComposeForm.NETWORKS.stream().map(n -> new Option(n, ComposeForm.networkName(n))).toList());
    }

    /** What drafting makes of the form: previews, or the problem it refused the form with. */
    record Previewed(List<TargetPreview> targets, Errors errors) {
    }

    private Previewed preview(ComposeForm form) {
        if (form.chosen().isEmpty() || form.text().isBlank()) {
            return new Previewed(List.of(), Errors.none());
        }
        Map<String, Object> request;
        try {
            request = form.request();
        } catch (IllegalArgumentException badTime) {
            return new Previewed(List.of(), Errors.one("scheduledFor", "scheduledDay", badTime.getMessage()));
        }
        ServiceResponse answer = services.postJson(Service.DRAFTING, "/posts/preview", request);
        if (!answer.ok()) {
            return new Previewed(List.of(), Errors.of(answer.problem(), form.inputs()));
        }
        return new Previewed(Previews.ofPreview(answer.json()), Errors.none());
    }

    /**
     * The accounts a post can go to that the console can know of: the publisher's connected accounts where the
     * person may list them (admins), the accounts of drafting's campaigns and live events, and those the person's
     * recent posts went to. Others are added on the form by network and handle.
     */
    private List<ComposeForm.Choice> knownAccounts() {
        List<ComposeForm.Choice> known = new ArrayList<>();
        if (user.isAdmin()) {
            ServiceResponse connected = services.get(Service.PUBLISHER, "/accounts");
            if (connected.ok()) {
                connected.json().forEach(a -> add(known, a));
            }
        }
        for (String list : List.of("/campaigns", "/live-events")) {
            ServiceResponse answer = services.get(Service.DRAFTING, list);
            if (answer.ok()) {
                answer.json().forEach(c -> c.path("accounts").forEach(a -> add(known, a)));
            }
        }
        ServiceResponse mine = services.get(Service.DRAFTING, "/posts" + ServiceClient.query("author", user.getName(),
                "size", 50));
        if (mine.ok()) {
            mine.json().forEach(p -> p.path("targets").forEach(t -> {
                if (!t.hasNonNull("shares")) {
                    add(known, t);
                }
            }));
        }
        known.sort(java.util.Comparator.comparing((ComposeForm.Choice c) -> ComposeForm.NETWORKS.indexOf(
                c.network())).thenComparing(ComposeForm.Choice::account));
        return known;
    }

    private static void add(List<ComposeForm.Choice> known, JsonNode account) {
        ComposeForm.Choice choice = new ComposeForm.Choice(account.path("network").asText(),
                account.path("account").asText(), false, null);
        if (!choice.account().isEmpty() && known.stream().noneMatch(c -> c.key().equals(choice.key()))) {
            known.add(choice);
        }
    }

    private List<Option> campaigns() {
        ServiceResponse answer = services.get(Service.DRAFTING, "/campaigns");
        List<Option> options = new ArrayList<>();
        if (answer.ok()) {
            answer.json().forEach(c -> options.add(new Option(c.path("slug").asText(), c.path("name").asText()
                    + " (" + c.path("slug").asText() + ")")));
        }
        return options;
    }

    private List<Option> liveEvents() {
        ServiceResponse answer = services.get(Service.DRAFTING, "/live-events");
        List<Option> options = new ArrayList<>();
        if (answer.ok()) {
            answer.json().forEach(e -> options.add(new Option(e.path("id").asText(), e.path("name").asText())));
        }
        return options;
    }

    /** Every text field of the multipart form, by name, in the order sent. */
    private static Map<String, List<String>> texts(MultipartFormDataInput input) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        input.getValues().forEach((name, parts) -> {
            List<String> texts = new ArrayList<>();
            for (FormValue part : parts) {
                if (!part.isFileItem()) {
                    texts.add(part.getValue());
                }
            }
            if (!texts.isEmpty()) {
                values.put(name, texts);
            }
        });
        return values;
    }

    private static FormValue file(MultipartFormDataInput input, String name) {
        Collection<FormValue> parts = input.getValues().getOrDefault(name, List.of());
        for (FormValue part : parts) {
            try {
                if (part.isFileItem() && part.getFileName() != null && !part.getFileName().isBlank()
                        && part.getFileItem().getFileSize() > 0) {
                    return part;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }
}
