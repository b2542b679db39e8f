package org.clearpost.sandbox.oauth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.oauth.OAuthServer.OAuthError;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Each network's OAuth 2.0 authorization server (RFC 6749 authorization code grant, RFC 7636 PKCE): the authorize
 * endpoint consents at once, as the account's admin would in the browser, and the token endpoint exchanges codes and
 * refresh tokens. The account is the one named by {@code login_hint} (as Google takes it), else
 * {@code sandbox-admin}. Errors: before the redirect URI is known good, 400 here (never a redirect to an unchecked
 * URI); after, a redirect with {@code error} and the same {@code state}; the token endpoint answers RFC 6749
 * section 5.2's JSON.
 */
@Path("/oauth/{network}")
@Tag(name = "OAuth 2.0", description = "Authorization and token endpoints of every network that uses OAuth 2")
public class OAuthResource {

    private final OAuthServer server;

    OAuthResource(OAuthServer server) {
        this.server = server;
    }

    @GET
    @Path("/authorize")
    public Response authorize(@PathParam("network") String network,
            @QueryParam("response_type") String responseType, @QueryParam("client_id") String clientId,
            @QueryParam("redirect_uri") String redirectUri, @QueryParam("scope") String scope,
            @QueryParam("state") String state, @QueryParam("code_challenge") String challenge,
            @QueryParam("code_challenge_method") String challengeMethod, @QueryParam("login_hint") String loginHint,
            @QueryParam("access_type") String accessType, @QueryParam("deny") String deny) {
        Optional<Network> net = Network.fromKey(network);
        if (net.isEmpty()) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity("no such network: " + network).build();
        }
        if (!server.clientId().equals(clientId)) {
            return Response.status(400).type(MediaType.TEXT_PLAIN)
                    .entity("invalid_client: client_id is not a registered application").build();
        }
        URI redirect = absoluteHttp(redirectUri);
        if (redirect == null) {
            return Response.status(400).type(MediaType.TEXT_PLAIN)
                    .entity("invalid_request: redirect_uri must be an absolute http(s) URI").build();
        }
        if ("1".equals(deny) || "true".equals(deny)) {
            return back(redirect, state, "error", "access_denied", "error_description",
                    "The user denied the application access");
        }
        if (!"code".equals(responseType)) {
            return back(redirect, state, "error", "unsupported_response_type", "error_description",
                    "response_type must be code");
        }
        if (challenge != null && !"S256".equals(challengeMethod)) {
            return back(redirect, state, "error", "invalid_request", "error_description",
                    "code_challenge_method must be S256");
        }
        if (challenge == null && OAuthServer.PKCE_REQUIRED.contains(net.get())) {
            return back(redirect, state, "error", "invalid_request", "error_description",
                    "code_challenge is required (PKCE)");
        }
        String granted = scope == null ? "" : scope;
        // X issues a refresh token only with offline.access, Google only with access_type=offline.
        boolean offline = switch (net.get()) {
            case X -> granted.contains("offline.access");
            case YOUTUBE -> "offline".equals(accessType);
            default -> true;
        };
        String account = loginHint == null || loginHint.isBlank() ? "sandbox-admin" : loginHint;
        String code = server.issueCode(new OAuthServer.Authorization(net.get(), account, redirect, granted, challenge,
                offline));
        return back(redirect, state, "code", code);
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@PathParam("network") String network,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @RestForm("grant_type") String grantType,
            @RestForm("code") String code, @RestForm("redirect_uri") String redirectUri,
            @RestForm("code_verifier") String verifier, @RestForm("refresh_token") String refreshToken,
            @RestForm("client_id") String formClientId) {
        Optional<Network> net = Network.fromKey(network);
        if (net.isEmpty()) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity("no such network: " + network).build();
        }
        String clientId = basicClientId(authorization).orElse(formClientId);
        try {
            if (!server.clientId().equals(clientId)) {
                throw new OAuthError("invalid_client", "Client authentication failed", 401);
            }
            OAuthServer.TokenAnswer answer;
            if ("authorization_code".equals(grantType)) {
                answer = server.exchange(net.get(), code, absoluteHttp(redirectUri), verifier);
            } else if ("refresh_token".equals(grantType)) {
                answer = server.refresh(net.get(), refreshToken);
            } else {
                throw new OAuthError("unsupported_grant_type", "grant_type must be authorization_code or "
                        + "refresh_token", 400);
            }
            return Response.ok(OAuthServer.json(answer), MediaType.APPLICATION_JSON)
                    .header("Cache-Control", "no-store").build();
        } catch (OAuthError e) {
            return Response.status(e.status).type(MediaType.APPLICATION_JSON)
                    .header("Cache-Control", "no-store")
                    .entity(Map.of("error", e.error, "error_description", e.getMessage())).build();
        }
    }

    /** The client id of an HTTP Basic {@code Authorization} header (client_id:client_secret, RFC 6749 2.3.1). */
    private static Optional<String> basicClientId(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return Optional.of(java.net.URLDecoder.decode(colon < 0 ? pair : pair.substring(0, colon),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static URI absoluteHttp(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            URI parsed = new URI(uri);
            boolean http = "http".equalsIgnoreCase(parsed.getScheme()) || "https".equalsIgnoreCase(parsed.getScheme());
            return http && parsed.getHost() != null && parsed.getFragment() == null ? parsed : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** 302 to the client's redirect URI with the given query parameters, and {@code state} as it came. */
    private static Response back(URI redirect, String state, String... params) {
        UriBuilder location = UriBuilder.fromUri(redirect);
        for (int i = 0; i < params.length; i += 2) {
            location.queryParam(params[i], params[i + 1]);
        }
        if (state != null) {
            location.queryParam("state", state);
        }
        return Response.status(302).location(location.build()).build();
    }
}
