package org.clearpost.publisher.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.NetworksConfig;
import org.clearpost.publisher.tokens.AccessToken;
import org.clearpost.testing.NetworkSandboxServer;

/**
 * What a plain-JUnit connector test needs: the real network sandbox (one child JVM for the whole test run, stopped
 * when the JVM ends), {@link NetworksConfig} pointing every network at it as the local platform does, the shared
 * {@link NetworkHttp} and {@link MediaFetcher}, a media store serving the bytes a test registers (as drafting's
 * would), and the sandbox's inspection API. Get it with {@link #get()}.
 */
public final class SandboxConnectors {

    /**
     * Where each network's API lives in the sandbox, relative to its root: the {@code clearpost.networks.*} settings
     * the local platform gives the publisher ({@code LocalPlatform}) and these tests use.
     */
    public static final Map<String, String> BASE_PATHS = Map.of(
            "clearpost.networks.x.base-url", "",
            "clearpost.networks.facebook.base-url", "/v21.0",
            "clearpost.networks.linkedin.base-url", "/linkedin",
            "clearpost.networks.youtube.base-url", "",
            "clearpost.networks.flickr.base-url", "/flickr",
            "clearpost.networks.flickr.upload-url", "/flickr-upload",
            "clearpost.networks.soundcloud.base-url", "/soundcloud",
            "clearpost.networks.bluesky.base-url", "",
            "clearpost.networks.mastodon.base-url", "",
            "clearpost.networks.threads.base-url", "/threads/v1.0");

    private static SandboxConnectors instance;

    private final URI sandbox;
    private final NetworksConfig config;
    private final NetworkHttp http;
    private final MediaFetcher media;
    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
    private final HttpServer mediaStore;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newHttpClient();

    private SandboxConnectors(URI sandbox) {
        this.sandbox = sandbox;
        Map<String, String> settings = new HashMap<>();
        BASE_PATHS.forEach((key, path) -> settings.put(key, sandbox + path));
        settings.put("clearpost.networks.connect-timeout", "PT1S");
        settings.put("clearpost.networks.request-timeout", "PT5S");
        // Test-only values: the sandbox's Flickr app (its clearpost.sandbox.flickr.consumer-key/-secret defaults).
        settings.put("clearpost.networks.flickr.api-key", "sandbox-flickr-test-api-key");
        settings.put("clearpost.networks.flickr.api-secret", "sandbox-flickr-test-api-secret");
        SmallRyeConfig smallRye = new SmallRyeConfigBuilder()
                .withMapping(NetworksConfig.class)
                .withSources(new io.smallrye.config.PropertiesConfigSource(settings, "connector-test", 500))
                .build();
        this.config = smallRye.getConfigMapping(NetworksConfig.class);
        this.http = new NetworkHttp(config, mapper);
        this.media = new MediaFetcher(http);
        try {
            mediaStore = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mediaStore.createContext("/media/", exchange -> {
            byte[] bytes = files.get(exchange.getRequestURI().getPath());
            if (bytes == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        mediaStore.start();
    }

    /** The one instance of this test JVM; the sandbox starts on first use and stops when the JVM ends. */
    public static synchronized SandboxConnectors get() {
        if (instance == null) {
            NetworkSandboxServer server = new NetworkSandboxServer();
            URI url = URI.create(server.start().get(NetworkSandboxServer.URL_PROPERTY));
            instance = new SandboxConnectors(url);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.mediaStore.stop(0);
                server.stop();
            }, "sandbox-connectors-stop"));
        }
        return instance;
    }

    public URI sandbox() {
        return sandbox;
    }

    public NetworksConfig config() {
        return config;
    }

    public NetworkHttp http() {
        return http;
    }

    public MediaFetcher media() {
        return media;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Serves {@code bytes} as drafting's media store would, and describes them as a cleared media item. */
    public MediaItem media(MediaKind kind, String contentType, byte[] bytes, String altText, String caption) {
        UUID id = UUID.randomUUID();
        String path = "/media/" + id;
        files.put(path, bytes);
        URI url = URI.create("http://localhost:" + mediaStore.getAddress().getPort() + path);
        return new MediaItem(id, kind, contentType, bytes.length, sha256(bytes), altText, caption, url.toString());
    }

    /** A request for the first try of a publication's first step, with a fresh publication id and an in-memory step memory. */
    public PublishRequest request(Network network, String account, PublishStep step, AccessToken token) {
        UUID publicationId = UUID.randomUUID();
        return new PublishRequest(publicationId, network, account, step, token,
                PublishRequest.stepKey(publicationId, 0), StepMemory.inMemory());
    }

    /** What the sandbox holds for {@code network} ({@code GET /sandbox/posts?network=}), oldest first. */
    public List<JsonNode> held(Network network) {
        JsonNode posts = getJson("/sandbox/posts?network=" + network.name().toLowerCase());
        return posts.isArray() ? List.copyOf(toList(posts)) : List.of();
    }

    /** Arms the sandbox's drop-after-accept fault for the next {@code count} publishing calls to {@code network}. */
    public void dropAfterAccept(Network network, int count) {
        send(HttpRequest.newBuilder(sandbox.resolve("/sandbox/faults/" + network.name().toLowerCase()
                + "/drop-after-accept?count=" + count)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public JsonNode getJson(String path) {
        try {
            return mapper.readTree(send(HttpRequest.newBuilder(sandbox.resolve(path)).GET()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        java.util.ArrayList<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
