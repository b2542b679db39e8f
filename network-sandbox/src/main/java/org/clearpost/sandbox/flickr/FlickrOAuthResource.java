package org.clearpost.sandbox.flickr;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.flickr.FlickrSignatures.Refusal;
import org.clearpost.sandbox.flickr.FlickrSignatures.Signed;
import org.clearpost.sandbox.flickr.FlickrSignatures.TokenKind;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Flickr's OAuth 1.0a endpoints. {@code request_token} (signed with the consumer secret alone, with
 * {@code oauth_callback}) answers {@code oauth_callback_confirmed=true&oauth_token=..&oauth_token_secret=..};
 * {@code authorize?oauth_token=..&perms=write} is where the user approves: the sandbox's user approves at once and is
 * sent to the callback with {@code oauth_token} and {@code oauth_verifier}; {@code access_token} (signed with the
 * request token's secret, with {@code oauth_verifier}) answers {@code fullname=..&oauth_token=..&oauth_token_secret=..
 * &user_nsid=..&username=..}. Refusals: 401 {@code oauth_problem=..} as Flickr answers them.
 */
@Path("/flickr/services/oauth")
@Tag(name = "Flickr", description = "OAuth 1.0a")
public class FlickrOAuthResource {

    private static final String FORM = "text/plain;charset=UTF-8";

    private final FlickrSignatures signatures;
    private final FlickrAccounts accounts;

    FlickrOAuthResource(FlickrSignatures signatures, FlickrAccounts accounts) {
        this.signatures = signatures;
        this.accounts = accounts;
    }

    @GET
    @Path("/request_token")
    public Response requestToken(@Context UriInfo uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Object checked = signatures.check("GET", uri.getAbsolutePath(), query(uri), authorization, TokenKind.NONE);
        if (checked instanceof Refusal refusal) {
            return problem(refusal.oauthProblem());
        }
        String callback = ((Signed) checked).params().get("oauth_callback");
        if (callback == null || callback.isBlank()) {
            return problem("parameter_absent&oauth_parameters_absent=oauth_callback");
        }
        FlickrAccounts.RequestToken token = accounts.newRequestToken(callback);
        return Response.ok("oauth_callback_confirmed=true&oauth_token=" + OAuth1Check.encode(token.token())
                + "&oauth_token_secret=" + OAuth1Check.encode(token.secret())).type(FORM).build();
    }

    /** The user's approval page; here the sandbox user approves at once and goes back to the app's callback. */
    @GET
    @Path("/authorize")
    public Response authorize(@QueryParam("oauth_token") String token, @QueryParam("perms") String perms) {
        Optional<FlickrAccounts.RequestToken> approved = token == null ? Optional.empty() : accounts.approve(token);
        if (approved.isEmpty()) {
            return Response.status(400).type("text/plain").entity("Oops! Flickr doesn't recognise the permission set."
                    + " (unknown or used oauth_token)").build();
        }
        URI callback = UriBuilder.fromUri(approved.get().callback()).queryParam("oauth_token", token)
                .queryParam("oauth_verifier", approved.get().verifier()).build();
        return Response.status(302).location(callback).build();
    }

    @GET
    @Path("/access_token")
    public Response accessToken(@Context UriInfo uri, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Object checked = signatures.check("GET", uri.getAbsolutePath(), query(uri), authorization,
                TokenKind.REQUEST);
        if (checked instanceof Refusal refusal) {
            return problem(refusal.oauthProblem());
        }
        Map<String, String> params = ((Signed) checked).params();
        Optional<FlickrAccounts.Grant> grant = accounts.exchange(params.get("oauth_token"),
                params.get("oauth_verifier"));
        if (grant.isEmpty()) {
            return problem("verifier_invalid");
        }
        FlickrAccounts.Grant g = grant.get();
        return Response.ok("fullname=" + OAuth1Check.encode(g.username()) + "&oauth_token="
                + OAuth1Check.encode(g.token()) + "&oauth_token_secret=" + OAuth1Check.encode(g.secret())
                + "&user_nsid=" + OAuth1Check.encode(g.nsid()) + "&username=" + OAuth1Check.encode(g.username()))
                .type(FORM).build();
    }

    static List<Map.Entry<String, String>> query(UriInfo uri) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        uri.getQueryParameters(true).forEach((name, values) -> values.forEach(v -> params.add(Map.entry(name, v))));
        return params;
    }

    private static Response problem(String problem) {
        return Response.status(401).type(FORM).entity("oauth_problem=" + problem).build();
    }
}
