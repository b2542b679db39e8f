package org.clearpost.publisher.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.clearpost.publisher.network.SandboxConnectors;
import org.clearpost.publisher.oauth.AuthorizationFlow.AuthorizationRefused;
import org.clearpost.publisher.tokens.Credentials;

/** Connects the sandbox's Flickr user as an admin would: start, approve in the "browser", complete. */
public final class FlickrSandboxAccount {

    public static final URI CALLBACK = URI.create("https://publisher.example/connect/flickr/callback");

    private FlickrSandboxAccount() {
    }

    public static FlickrOAuth1Flow flow(SandboxConnectors sandbox) {
        return new FlickrOAuth1Flow(sandbox.http(), sandbox.config());
    }

    public static Credentials connect(SandboxConnectors sandbox) throws IOException, InterruptedException,
            AuthorizationRefused {
        FlickrOAuth1Flow flow = flow(sandbox);
        String state = UUID.randomUUID().toString();
        AuthorizationFlow.Started started = flow.start(state, CALLBACK);
        Map<String, String> callback = approve(started.authorizationUrl());
        return flow.complete(callback, started.kept(), CALLBACK);
    }

    /** Follows the authorization URL as the admin's browser would, and reads the callback's query parameters. */
    public static Map<String, String> approve(URI authorizationUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(authorizationUrl).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("authorize answered " + response.statusCode() + ": " + response.body());
        }
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("callbackPath", location.getPath());
        for (String pair : location.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
