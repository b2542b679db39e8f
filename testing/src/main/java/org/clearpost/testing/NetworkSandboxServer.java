package org.clearpost.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.clearpost.infra.FreePort;
import org.clearpost.infra.ServiceProcess;

/**
 * The real network sandbox, as packaged ({@code network-sandbox/target/quarkus-app}), running as a child JVM on a
 * free port for a service's tests: intakes read its streams and pages over real HTTP, SSE and WebSocket. The module
 * using it depends on {@code network-sandbox} with {@code <type>pom</type>} (test scope), so the reactor packages the
 * sandbox first. Exposes {@value #URL_PROPERTY} to the test's configuration; init args become the sandbox's
 * environment (e.g. {@code CLEARPOST_SANDBOX_WEBHOOK_URL}).
 */
public class NetworkSandboxServer implements QuarkusTestResourceLifecycleManager {

    public static final String URL_PROPERTY = "clearpost.test.sandbox-url";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private ServiceProcess process;
    private Map<String, String> environment = Map.of();
    private static volatile URI running;

    /** The running sandbox's base URL (e.g. {@code http://localhost:40123}), for tests that drive it. */
    public static URI url() {
        if (running == null) {
            throw new IllegalStateException("no network sandbox is running: add @QuarkusTestResource(NetworkSandboxServer.class)");
        }
        return running;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        environment = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        Path jar = locate();
        int port = FreePort.pick();
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try {
            Path log = Files.createDirectories(Path.of("target")).resolve("network-sandbox.log");
            process = ServiceProcess.start("network-sandbox", jar, env, java.util.List.of("-Xmx384m"), log);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start the network sandbox", e);
        }
        URI base = URI.create("http://localhost:" + port);
        process.awaitReady(base.resolve("/q/health/ready"), START_TIMEOUT);
        running = base;
        return Map.of(URL_PROPERTY, base.toString());
    }

    @Override
    public void stop() {
        running = null;
        if (process != null) {
            process.close();
        }
    }

    /** The packaged sandbox, found from the module under test (a sibling of network-sandbox). */
    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve("network-sandbox/target/quarkus-app/quarkus-run.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("network-sandbox/target/quarkus-app/quarkus-run.jar not found: "
                + "build with -am so the reactor packages the sandbox first");
    }
}
