package org.clearpost.publisher.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import org.clearpost.publisher.domain.AccountService;
import org.clearpost.publisher.oauth.ConnectService;

/**
 * Where a network sends the admin's browser back after consent. Public (the browser carries no Clearpost token): the
 * {@code state}, issued to an admin by {@code POST /accounts/{network}/{account}/connect}, is the proof.
 */
@Path("/oauth/{network}/callback")
@PermitAll
public class OAuthCallbackResource {

    private final ConnectService connects;

    public OAuthCallbackResource(ConnectService connects) {
        this.connects = connects;
    }

    /** Query: {@code code} and {@code state}, or {@code error} (and {@code error_description}) and {@code state}. */
    @GET
    public Response callback(@PathParam("network") String network, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Map<String, String> query = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> query.put(name, values.get(0)));
        AccountService.Connected connected = connects.complete(Params.network(network), query);
        AccountView view = AccountView.of(connected.account());
        if (prefersHtml(headers)) {
            return Response.ok(page(view, connected.releasedPublications()), MediaType.TEXT_HTML_TYPE).build();
        }
        return Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static boolean prefersHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()).orElse(false);
    }

    private static String page(AccountView view, int released) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Account connected</title>"
                + "</head><body><h1>Account connected</h1><p>" + escape(view.network() + " account " + view.account())
                + " is connected" + (released == 0 ? "" : "; " + released + " held publication(s) will go out now")
                + ". You can close this window.</p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
