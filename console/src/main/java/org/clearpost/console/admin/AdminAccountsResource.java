package org.clearpost.console.admin;

import static org.clearpost.console.gateway.ServiceClient.path;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearpost.console.gateway.Service;
import org.clearpost.console.gateway.ServiceClient;
import org.clearpost.console.gateway.ServiceResponse;
import org.clearpost.console.web.Errors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The body's connected network accounts (publisher {@code /accounts}): their state, connecting one through its
 * network's consent page (or, for Bluesky, an app password), and disconnecting one.
 */
@Path("/admin/accounts")
@Produces(MediaType.TEXT_HTML)
public class AdminAccountsResource {

    /** What the forms held, shown again when the publisher refused them (never the app password). */
    public record Typed(String form, String network, String account) {
        static final Typed NONE = new Typed(null, null, null);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(List<AccountRow> accounts, List<Networks> networks, Typed typed,
                Errors errors, Outcome outcome);
    }

    private final ServiceClient services;
    private final Clock clock;

    public AdminAccountsResource(ServiceClient services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    @GET
    public TemplateInstance accounts(@QueryParam("connected") String connected,
            @QueryParam("disconnected") String disconnected) {
        List<AccountRow> rows = list();
        return Templates.accounts(rows, Networks.oauth(), Typed.NONE, Errors.none(),
                Outcome.of(connected, disconnected, rows));
    }

    /**
     * Starts the network's OAuth flow: the publisher answers with the network's consent page, where the browser goes
     * next; the network then sends it to the publisher's callback, which connects the account.
     */
    @POST
    @Path("connect")
    public Response connect(@RestForm String network, @RestForm String account) {
        Typed typed = new Typed("connect", network, account);
        if (account == null || account.isBlank()) {
            return refused(400, typed, Errors.one("account", "connect-account", "Enter the account's handle or id"));
        }
        ServiceResponse started = services.send(Service.PUBLISHER, "POST",
                path("/accounts/{}/{}/connect", network == null ? "" : network, account.strip()), null, null);
        if (!started.ok()) {
            return refused(started.status(), typed, Errors.of(started.problem(),
                    ordered("account", "connect-account", "network", "connect-network")));
        }
        return Response.seeOther(consentPage(started.json().path("authorizationUrl").asText(""))).build();
    }

    /** Bluesky: the publisher makes its sessions from an app password the admin created in Bluesky's settings. */
    @POST
    @Path("bluesky")
    public Response bluesky(@RestForm String account, @RestForm String appPassword) {
        Typed typed = new Typed("bluesky", Networks.BLUESKY.name(), account);
        if (account == null || account.isBlank()) {
            return refused(400, typed, Errors.one("account", "bluesky-account", "Enter the Bluesky handle"));
        }
        ServiceResponse answer = services.putJson(Service.PUBLISHER,
                path("/accounts/BLUESKY/{}/token", account.strip()),
                Map.of("accessToken", appPassword == null ? "" : appPassword));
        if (!answer.ok()) {
            return refused(answer.status(), typed, Errors.of(answer.problem(),
                    ordered("account", "bluesky-account", "accessToken", "bluesky-app-password")));
        }
        return Response.seeOther(URI.create("/admin/accounts" + ServiceClient.query("connected",
                Outcome.key(Networks.BLUESKY.name(), account.strip())))).build();
    }

    @POST
    @Path("disconnect")
    public Response disconnect(@RestForm String network, @RestForm String account) {
        ServiceResponse answer = services.delete(Service.PUBLISHER, path("/accounts/{}/{}",
                network == null ? "" : network, account == null ? "" : account));
        if (!answer.ok()) {
            return refused(answer.status(), Typed.NONE, Errors.of(answer.problem(), Map.of()));
        }
        return Response.seeOther(URI.create("/admin/accounts" + ServiceClient.query("disconnected",
                Outcome.key(network, account)))).build();
    }

    private Response refused(int status, Typed typed, Errors errors) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.accounts(list(), Networks.oauth(), typed, errors, null)).build();
    }

    /** Fields by input, the first one where a message about no field in particular links to. */
    private static Map<String, String> ordered(String... fieldsAndInputs) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fieldsAndInputs.length; i += 2) {
            inputs.put(fieldsAndInputs[i], fieldsAndInputs[i + 1]);
        }
        return inputs;
    }

    private List<AccountRow> list() {
        return AccountRow.of(services.read(Service.PUBLISHER, "/accounts"), clock.instant());
    }

    /**
     * Where the publisher says the network's consent page is. Only an absolute http(s) URL: the browser is sent there
     * with the console's authority, so nothing else (a {@code javascript:} URL, a path on this origin) is followed.
     */
    static URI consentPage(String authorizationUrl) {
        URI uri;
        try {
            uri = URI.create(authorizationUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the publisher's authorizationUrl is not a URL: " + authorizationUrl, e);
        }
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalStateException("the publisher's authorizationUrl is not an http(s) URL: "
                    + authorizationUrl);
        }
        return uri;
    }
}
