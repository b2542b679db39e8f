package org.clearpost.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where the local platform keeps its data, which ports it uses and what it starts. Built from defaults, overridden
 * by environment variables and system properties ({@link #fromEnvironment()}) and then by code (tests).
 */
public final class LocalPlatformOptions {

    static final String REALM_FILE = "deploy/keycloak/clearpost-realm.json";
    private static final String KEYCLOAK_DIST_DIR = "deploy/local/target/keycloak-dist";

    private final Path repoRoot;
    private Path dataDir;
    private Path keycloakDist;
    private String serviceHeap = "256m";
    private final Map<Component, Integer> ports = new EnumMap<>(Component.class);
    private final EnumSet<Component> applications = EnumSet.copyOf(Component.APPLICATIONS);
    /** Settings added to an application's environment on top of the launcher's own (tests only, e.g. short ages). */
    private final Map<Component, Map<String, String>> extraEnvironment = new EnumMap<>(Component.class);

    private LocalPlatformOptions(Path repoRoot) {
        this.repoRoot = repoRoot;
        this.dataDir = repoRoot.resolve(".local-data");
        for (Component component : Component.values()) {
            ports.put(component, component.defaultPort());
        }
    }

    /** Defaults for the repository that contains the working directory. */
    public static LocalPlatformOptions defaults() {
        return new LocalPlatformOptions(findRepoRoot(Path.of("").toAbsolutePath()));
    }

    /**
     * Defaults overridden by the environment: {@code CLEARPOST_DATA_DIR}, {@code CLEARPOST_SERVICE_HEAP},
     * {@code CLEARPOST_PORT_<COMPONENT>} (e.g. {@code CLEARPOST_PORT_DRAFTING}) and {@code CLEARPOST_APPLICATIONS}
     * (e.g. {@code sandbox,drafting}, or {@code none}); each also as a system property ({@code clearpost.data.dir},
     * {@code clearpost.service.heap}, {@code clearpost.port.drafting}, {@code clearpost.applications}), which wins.
     */
    public static LocalPlatformOptions fromEnvironment() {
        return fromEnvironment(LocalPlatformOptions::setting);
    }

    static LocalPlatformOptions fromEnvironment(Function<String, String> setting) {
        LocalPlatformOptions options = defaults();
        String dataDir = setting.apply("clearpost.data.dir");
        if (dataDir != null) {
            options.dataDir(Path.of(dataDir));
        }
        String heap = setting.apply("clearpost.service.heap");
        if (heap != null) {
            options.serviceHeap(heap);
        }
        String applications = setting.apply("clearpost.applications");
        if (applications != null) {
            options.applications(parseApplications(applications));
        }
        for (Component component : Component.values()) {
            String port = setting.apply("clearpost.port." + component.id());
            if (port != null) {
                options.port(component, Integer.parseInt(port.trim()));
            }
        }
        return options;
    }

    /** "sandbox, drafting" → those two; "none" → none, leaving only Kafka, PostgreSQL and Keycloak. */
    private static Set<Component> parseApplications(String ids) {
        EnumSet<Component> applications = EnumSet.noneOf(Component.class);
        for (String id : ids.split(",")) {
            String trimmed = id.trim().toUpperCase(Locale.ROOT);
            if (trimmed.isEmpty() || trimmed.equals("NONE")) {
                continue;
            }
            Component application = Stream.of(Component.values()).filter(c -> c.name().equals(trimmed)).findFirst()
                    .filter(Component.APPLICATIONS::contains)
                    .orElseThrow(() -> new IllegalArgumentException("unknown application '" + id.trim()
                            + "'; known: sandbox, drafting, clearance, publisher, monitoring, analytics"));
            applications.add(application);
        }
        return applications;
    }

    /** A system property {@code clearpost.x.y}, else the environment variable {@code CLEARPOST_X_Y}. */
    private static String setting(String property) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
    }

    /** The repository root is the nearest directory up from {@code start} that holds the realm file. */
    static Path findRepoRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(REALM_FILE))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the Clearpost repository (no " + REALM_FILE + " above " + start + ")");
    }

    public LocalPlatformOptions dataDir(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath();
        return this;
    }

    /** Port 0 picks a free port. */
    public LocalPlatformOptions port(Component component, int port) {
        ports.put(component, port);
        return this;
    }

    /** Every component on a free port: for tests that must not collide with a running platform. */
    public LocalPlatformOptions freePorts() {
        ports.replaceAll((component, port) -> 0);
        return this;
    }

    /** JVM heap of each application, as for {@code -Xmx}, e.g. {@code 256m}. */
    public LocalPlatformOptions serviceHeap(String heap) {
        this.serviceHeap = heap;
        return this;
    }

    /** Which of {@link Component#APPLICATIONS} to start; none gives just Kafka, PostgreSQL and Keycloak. */
    public LocalPlatformOptions applications(Set<Component> applications) {
        if (!Component.APPLICATIONS.containsAll(applications)) {
            throw new IllegalArgumentException("not applications: " + applications);
        }
        this.applications.clear();
        this.applications.addAll(applications);
        return this;
    }

    /**
     * Adds one setting to an application's environment, over the launcher's own: for a test that needs the platform
     * configured otherwise than in production (the end-to-end suite shortens the publisher's metrics sample ages from
     * hours to seconds). The launcher itself never sets any; production defaults stay in each service.
     */
    public LocalPlatformOptions environment(Component application, String name, String value) {
        if (!Component.APPLICATIONS.contains(application)) {
            throw new IllegalArgumentException("not an application: " + application);
        }
        extraEnvironment.computeIfAbsent(application, a -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    /** What {@link #environment(Component, String, String)} added for this application (empty unless a test did). */
    public Map<String, String> environment(Component application) {
        return Map.copyOf(extraEnvironment.getOrDefault(application, Map.of()));
    }

    public LocalPlatformOptions keycloakDist(Path tarGz) {
        this.keycloakDist = tarGz;
        return this;
    }

    public Path repoRoot() {
        return repoRoot;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port(Component component) {
        return ports.get(component);
    }

    public String serviceHeap() {
        return serviceHeap;
    }

    public Set<Component> applications() {
        return EnumSet.copyOf(applications);
    }

    public Path realmFile() {
        return repoRoot.resolve(REALM_FILE);
    }

    public Path quarkusRunJar(Component application) {
        return repoRoot.resolve(application.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The tarball the build copied from Maven Central (the newest, should several versions be lying there). */
    public Path keycloakDist() {
        if (keycloakDist != null) {
            return keycloakDist;
        }
        Path dir = repoRoot.resolve(KEYCLOAK_DIST_DIR);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no Keycloak distribution in " + dir + "; run ./mvnw -pl deploy/local -am install -DskipTests");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("keycloak-quarkus-dist-.*\\.tar\\.gz"))
                    .max(Comparator.comparing(LocalPlatformOptions::lastModified))
                    .orElseThrow(() -> new IllegalStateException("no keycloak-quarkus-dist-*.tar.gz in " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lastModified(Path file) {
        return file.toFile().lastModified();
    }
}
