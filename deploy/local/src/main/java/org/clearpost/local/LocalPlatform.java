package org.clearpost.local;

import org.clearpost.events.KafkaAccess;
import org.clearpost.infra.FreePort;
import org.clearpost.infra.KafkaBroker;
import org.clearpost.infra.KafkaSecurity;
import org.clearpost.infra.KeycloakServer;
import org.clearpost.infra.PostgresServer;
import org.clearpost.infra.ServiceProcess;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The whole Clearpost platform on this machine: Kafka (in this JVM), PostgreSQL, Keycloak, the network sandbox and
 * the five services (child processes). All state lives in the data directory and survives restarts.
 *
 * <p>{@link #close()} stops whatever has been started, in reverse order, and may be called from another thread
 * (a shutdown hook) while {@link #start} is still under way.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Duration APPLICATION_READY_TIMEOUT = Duration.ofMinutes(3);

    private final LocalPlatformOptions options;
    private final Map<Component, Integer> ports = new EnumMap<>(Component.class);
    private final Map<Component, ServiceProcess> applications = new EnumMap<>(Component.class);
    /** Each application's environment as first launched: a restart gets exactly the same. */
    private final Map<Component, Map<String, String>> environments = new EnumMap<>(Component.class);
    /** What is running, most recent first: closing pops it in reverse start order. */
    private final Deque<Running> running = new ArrayDeque<>();
    private Consumer<String> progress = line -> { };
    private volatile boolean closed;
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private KeycloakServer keycloak;
    private Secrets secrets;
    private Path analystProperties;

    private record Running(String name, AutoCloseable component) {
    }

    public LocalPlatform(LocalPlatformOptions options) {
        this.options = options;
    }

    /** Starts the platform, or stops what had started and rethrows. */
    public static LocalPlatform start(LocalPlatformOptions options, Consumer<String> progress) {
        LocalPlatform platform = new LocalPlatform(options);
        try {
            platform.start(progress);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** Starts every component in order, reporting lines such as {@code [3/9] keycloak ready in 7.1 s}. */
    public void start(Consumer<String> progress) {
        this.progress = progress;
        Set<Component> selected = options.applications();
        checkBuilt(selected);
        Path keycloakDist = options.keycloakDist(); // fails now rather than after Kafka and PostgreSQL started
        for (Component component : Component.values()) {
            ports.put(component, FreePort.orPick(options.port(component)));
        }
        secrets = new Secrets(options.dataDir().resolve("secrets"));
        Steps steps = new Steps(3 + selected.size());

        steps.run("kafka", () -> {
            kafka = register("kafka", KafkaBroker.start(options.dataDir().resolve("kafka"), port(Component.KAFKA),
                    secrets.kafkaPassword(KafkaBroker.SUPER_USER)));
            // Every start: topics, SCRAM users and ACLs as the contract's table says now (idempotent).
            KafkaSecurity.provision(kafka, kafkaPasswords(secrets));
            analystProperties = secrets.writeKafkaClientProperties(KafkaAccess.ANALYST, kafkaClientConfig(KafkaAccess.ANALYST));
        });
        steps.run("postgresql", () -> {
            postgres = register("postgresql", PostgresServer.start(options.dataDir().resolve("postgres"), port(Component.POSTGRES)));
            Component.APPLICATIONS.stream().map(Component::database).filter(java.util.Objects::nonNull)
                    .forEach(postgres::ensureDatabase);
        });
        steps.run("keycloak", () -> keycloak = register("keycloak", KeycloakServer.start(keycloakDist,
                options.dataDir().resolve("keycloak"), port(Component.KEYCLOAK), options.realmFile(),
                secrets.keycloakAdminPassword(), logFile(Component.KEYCLOAK))));

        // The sandbox first, as the publisher's stand-in for the networks; then the services side by side,
        // since most of a Quarkus start is spent waiting on I/O rather than on the two cores.
        if (selected.contains(Component.SANDBOX)) {
            steps.run("sandbox", () -> {
                launch(Component.SANDBOX, sandboxEnvironment(secrets));
                awaitReady(Component.SANDBOX);
            });
        }
        List<Component> services = selected.stream().filter(c -> c != Component.SANDBOX).toList();
        Map<Component, Long> launchedAt = new EnumMap<>(Component.class);
        for (Component service : services) {
            launchedAt.put(service, System.nanoTime());
            launch(service, service == Component.CONSOLE ? consoleEnvironment(secrets) : serviceEnvironment(service, secrets));
        }
        for (Component service : services) {
            steps.run(service.id(), launchedAt.get(service), () -> awaitReady(service));
        }
    }

    private void checkBuilt(Set<Component> selected) {
        List<Path> missing = selected.stream().map(options::quarkusRunJar).filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + missing + "; run ./mvnw -B -q install -DskipTests");
        }
    }

    private void launch(Component application, Map<String, String> launcherEnv) {
        Map<String, String> env = new HashMap<>(launcherEnv);
        env.putAll(options.environment(application)); // a test's own settings win
        environments.put(application, Map.copyOf(env));
        applications.put(application, register(application.id(), startProcess(application, env)));
    }

    private ServiceProcess startProcess(Component application, Map<String, String> env) {
        return ServiceProcess.start(application.id(), options.quarkusRunJar(application), env,
                List.of("-Xmx" + options.serviceHeap()), logFile(application));
    }

    private void awaitReady(Component application) {
        applications.get(application).awaitReady(url(application).resolve("/q/health/ready"), APPLICATION_READY_TIMEOUT);
    }

    private Map<String, String> sandboxEnvironment(Secrets secrets) {
        return Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port(Component.SANDBOX)),
                "CLEARPOST_SANDBOX_FACEBOOK_APP_SECRET", secrets.facebookAppSecret(),
                "CLEARPOST_SANDBOX_WEBHOOK_URL", url(Component.MONITORING).resolve("/webhooks/facebook").toString());
    }

    /**
     * The console: its sessions' database, Keycloak for signing in (the realm's public client with PKCE), each
     * service's URL for the gateway, and its keys (CSRF tokens, sealed session tokens, the sign-in state cookie).
     */
    private Map<String, String> consoleEnvironment(Secrets secrets) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port(Component.CONSOLE)));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(Component.CONSOLE));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuerUrl());
        for (Component service : Component.SERVICES) {
            env.put("CLEARPOST_CONSOLE_SERVICES_" + service.name(), url(service).toString());
        }
        env.put("CLEARPOST_CONSOLE_CSRF_KEY", secrets.consoleKey("console-csrf.key"));
        env.put("CLEARPOST_CONSOLE_SESSION_KEY", secrets.consoleKey("console-session.key"));
        env.put("QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET", secrets.consoleKey("console-state.key"));
        return env;
    }

    /** Its port tells one local process of a service from another, and stays the same when it is restarted. */
    static String instanceId(Component service, int port) {
        return service.id() + "-local-" + port;
    }

    private Map<String, String> serviceEnvironment(Component service, Secrets secrets) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port(service)));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(service));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // The Kafka user name defaults to the service's name, which is its principal in the contract's table.
        env.put("CLEARPOST_KAFKA_PASSWORD", secrets.kafkaPassword(service.module()));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuerUrl());
        // The consumers' static group membership: one id per process (two processes with one id fence each other),
        // the same id when this process is started again, so that it takes its partitions back at once.
        env.put("CLEARPOST_KAFKA_INSTANCE_ID", instanceId(service, port(service)));
        if (service == Component.DRAFTING) {
            // Media links in events must reach this drafting process; its files live with the rest of the data.
            env.put("CLEARPOST_DRAFTING_PUBLIC_BASE_URL", url(Component.DRAFTING).toString());
            env.put("CLEARPOST_DRAFTING_MEDIA_DIRECTORY", options.dataDir().resolve("media").toString());
        } else if (service == Component.PUBLISHER) {
            env.put("CLEARPOST_NETWORKS_X_BASE_URL", url(Component.SANDBOX).toString());
            // The Graph API root with its version, as in production: the sandbox serves the post insights a
            // metrics sample reads only under a version (feed posts, photos and comments under both).
            env.put("CLEARPOST_NETWORKS_FACEBOOK_BASE_URL", url(Component.SANDBOX).resolve("/v21.0").toString());
            env.putAll(publisherNetworks(url(Component.SANDBOX).toString()));
            // The networks send the admin's browser back to this publisher after consent.
            env.put("CLEARPOST_OAUTH_CALLBACK_BASE_URL", url(Component.PUBLISHER).toString());
            env.put("CLEARPOST_TOKENS_ENCRYPTION_KEY", secrets.tokenEncryptionKey());
            env.put("CLEARPOST_PUBLISHER_CLEARANCE_PUBLIC_KEY", secrets.decisionVerificationKey());
        } else if (service == Component.CLEARANCE) {
            env.put("CLEARPOST_CLEARANCE_SIGNING_KEY", secrets.decisionSigningKey());
        } else if (service == Component.MONITORING) {
            env.put("CLEARPOST_WEBHOOKS_FACEBOOK_APP_SECRET", secrets.facebookAppSecret());
            env.put("CLEARPOST_WEBHOOKS_FACEBOOK_VERIFY_TOKEN", secrets.facebookVerifyToken());
            env.putAll(monitoringIntakes(url(Component.SANDBOX).toString()));
        } else if (service == Component.ANALYTICS) {
            // Kafka Streams' state stores live with the rest of the data (a restart restores nothing), and other
            // replicas would reach this one for interactive queries at its HTTP port on this host.
            env.put("CLEARPOST_ANALYTICS_STATE_DIR", options.dataDir().resolve("analytics-state").toString());
            env.put("CLEARPOST_ANALYTICS_ADVERTISED_HOST", "localhost");
        }
        return env;
    }

    /**
     * The networks added for issue 13, each at its place in the sandbox (the same layout as the publisher's connector
     * tests, {@code SandboxConnectors.BASE_PATHS}).
     */
    static Map<String, String> publisherNetworks(String sandbox) {
        Map<String, String> env = new HashMap<>();
        env.put("CLEARPOST_NETWORKS_LINKEDIN_BASE_URL", sandbox + "/linkedin");
        env.put("CLEARPOST_NETWORKS_YOUTUBE_BASE_URL", sandbox);
        env.put("CLEARPOST_NETWORKS_FLICKR_BASE_URL", sandbox + "/flickr");
        env.put("CLEARPOST_NETWORKS_FLICKR_UPLOAD_URL", sandbox + "/flickr-upload");
        env.put("CLEARPOST_NETWORKS_SOUNDCLOUD_BASE_URL", sandbox + "/soundcloud");
        env.put("CLEARPOST_NETWORKS_BLUESKY_BASE_URL", sandbox);
        env.put("CLEARPOST_NETWORKS_MASTODON_BASE_URL", sandbox);
        env.put("CLEARPOST_NETWORKS_THREADS_BASE_URL", sandbox + "/threads/v1.0");
        // Each OAuth 2 network's authorization server is the sandbox's, with the one app registered there (its
        // clearpost.sandbox.oauth.client-id default; a public client, so no secret).
        for (String network : List.of("x", "facebook", "linkedin", "youtube", "soundcloud", "mastodon", "threads")) {
            String prefix = "CLEARPOST_OAUTH_NETWORKS_" + network.toUpperCase(java.util.Locale.ROOT) + "_";
            env.put(prefix + "AUTHORIZE_URL", sandbox + "/oauth/" + network + "/authorize");
            env.put(prefix + "TOKEN_URL", sandbox + "/oauth/" + network + "/token");
            env.put(prefix + "CLIENT_ID", "clearpost-sandbox-client");
        }
        // The sandbox's Flickr app (test-only values, its clearpost.sandbox.flickr.* defaults): it checks signatures.
        env.put("CLEARPOST_NETWORKS_FLICKR_API_KEY", "sandbox-flickr-test-api-key");
        env.put("CLEARPOST_NETWORKS_FLICKR_API_SECRET", "sandbox-flickr-test-api-secret");
        return env;
    }

    /**
     * Every intake of monitoring reads the sandbox, which speaks each network's API and takes any token: X's stream,
     * search and mentions timelines, Mastodon, Bluesky's Jetstream, YouTube and Facebook's Graph reads (for gap
     * reconciliation), with the sandbox's accounts as the body's own. Tracked queries become its X stream rules.
     */
    static Map<String, String> monitoringIntakes(String sandbox) {
        String ws = sandbox.replaceFirst("^http", "ws");
        Map<String, String> env = new HashMap<>();
        env.put("CLEARPOST_MONITORING_X_RULES_BASE_URL", sandbox);
        env.put("CLEARPOST_MONITORING_X_RULES_BEARER_TOKEN", "sandbox-x-app-token");
        env.put("CLEARPOST_MONITORING_X_BASE_URL", sandbox);
        env.put("CLEARPOST_MONITORING_X_BEARER_TOKEN", "sandbox-x-app-token");
        env.put("CLEARPOST_MONITORING_X_OWN_ACCOUNT_IDS", "1500000000000000001,1500000000000000002");
        env.put("CLEARPOST_MONITORING_X_OWN_HANDLES", "clearpost_demo,clearpost_news");
        env.put("CLEARPOST_MONITORING_PIPELINE_OWN_ACCOUNTS_X", "clearpost_demo,clearpost_news");
        env.put("CLEARPOST_MONITORING_MASTODON_BASE_URL", sandbox);
        env.put("CLEARPOST_MONITORING_MASTODON_USER_TOKEN", "sandbox-mastodon-user-token");
        env.put("CLEARPOST_MONITORING_BLUESKY_JETSTREAM_URL", ws + "/subscribe");
        env.put("CLEARPOST_MONITORING_BLUESKY_SERVICE_URL", sandbox);
        env.put("CLEARPOST_MONITORING_BLUESKY_ACCOUNT_DIDS", "did:plc:clearpostsandboxbody2acc");
        env.put("CLEARPOST_MONITORING_BLUESKY_IDENTIFIER", "clearpost-sandbox.bsky.social");
        env.put("CLEARPOST_MONITORING_BLUESKY_APP_PASSWORD", "sandbox-app-password");
        env.put("CLEARPOST_MONITORING_YOUTUBE_BASE_URL", sandbox);
        env.put("CLEARPOST_MONITORING_YOUTUBE_API_KEY", "sandbox-youtube-api-key");
        env.put("CLEARPOST_MONITORING_YOUTUBE_CHANNEL_ID", "UCclearpostSandbox0000001");
        env.put("CLEARPOST_MONITORING_FACEBOOK_GRAPH_URL", sandbox + "/graph/v21.0");
        env.put("CLEARPOST_MONITORING_FACEBOOK_PAGE_ID", "100200300400");
        env.put("CLEARPOST_MONITORING_FACEBOOK_PAGE_ACCESS_TOKEN", "sandbox-page-token");
        return env;
    }

    /** Records a started component for {@link #close()}; one that finishes starting after close is stopped at once. */
    private synchronized <T extends AutoCloseable> T register(String name, T component) {
        if (closed) {
            closeQuietly(new Running(name, component));
            throw new IllegalStateException("the platform was stopped while " + name + " was starting");
        }
        running.push(new Running(name, component));
        return component;
    }

    /** Stops everything started, in reverse order; safe to call more than once and from a shutdown hook. */
    @Override
    public void close() {
        closed = true;
        while (true) {
            Running next;
            synchronized (this) {
                next = running.poll();
            }
            if (next == null) {
                return;
            }
            long started = System.nanoTime();
            closeQuietly(next);
            progress.accept("stopped %s in %s".formatted(next.name(), secondsSince(started)));
        }
    }

    private void closeQuietly(Running entry) {
        try {
            entry.component().close();
        } catch (Exception e) {
            progress.accept("could not stop %s cleanly: %s".formatted(entry.name(), e));
        }
    }

    // Fault injection. Used only by the fault-injection suite (fault-tests), never by the launcher: each takes one
    // component down the hard way or brings it back on the same port and data directory, while the rest runs on.

    /** kill -9 of one application's JVM (a service or the sandbox); returns once it has ended. */
    public void killApplication(Component application) {
        runningApplication(application).kill();
    }

    /**
     * Starts an application again, as it was first started (same port, same environment), after
     * {@link #killApplication}; returns once it reports ready.
     */
    public void restartApplication(Component application) {
        ServiceProcess old = runningApplication(application);
        if (old.isAlive()) {
            throw new IllegalStateException(application.id() + " is still running (pid " + old.pid() + ")");
        }
        ServiceProcess restarted = startProcess(application, environments.get(application));
        replaceRunning(old, application.id(), restarted);
        applications.put(application, restarted);
        awaitReady(application);
    }

    /** kill -9 of PostgreSQL: the postmaster and every backend at once (see {@link PostgresServer#kill()}). */
    public void killPostgres() {
        postgres.kill();
    }

    /** Starts PostgreSQL again on the same data directory and port after {@link #killPostgres}: crash recovery. */
    public void restartPostgres() {
        PostgresServer old = postgres;
        postgres = PostgresServer.start(options.dataDir().resolve("postgres"), port(Component.POSTGRES));
        replaceRunning(old, "postgresql", postgres);
    }

    /** Stops the Kafka broker cleanly (controlled shutdown), leaving its data directory as it is. */
    public void stopKafka() {
        kafka.close();
    }

    /** Starts the Kafka broker again after {@link #stopKafka}, on the same port and data directory. */
    public void startKafka() {
        KafkaBroker old = kafka;
        kafka = KafkaBroker.start(options.dataDir().resolve("kafka"), port(Component.KAFKA),
                secrets.kafkaPassword(KafkaBroker.SUPER_USER));
        replaceRunning(old, "kafka", kafka);
    }

    /**
     * The secret that the sandbox signs Page webhooks with and monitoring checks them against: for a client that
     * plays Meta itself.
     */
    public String facebookAppSecret() {
        return secrets.facebookAppSecret();
    }

    private ServiceProcess runningApplication(Component application) {
        ServiceProcess process = applications.get(application);
        if (process == null) {
            throw new IllegalStateException(application.id() + " was not started");
        }
        return process;
    }

    /** Puts a restarted component where its predecessor was in the stop order. */
    private synchronized void replaceRunning(AutoCloseable old, String name, AutoCloseable replacement) {
        if (closed) {
            closeQuietly(new Running(name, replacement));
            throw new IllegalStateException("the platform was stopped while " + name + " was restarting");
        }
        Deque<Running> replaced = new ArrayDeque<>();
        for (Running entry : running) {
            replaced.addLast(entry.component() == old ? new Running(name, replacement) : entry);
        }
        running.clear();
        running.addAll(replaced);
    }

    public int port(Component component) {
        return ports.get(component);
    }

    /** {@code http://localhost:<port>} of an application or of Keycloak. */
    public URI url(Component component) {
        return URI.create("http://localhost:" + port(component));
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * A complete Kafka client configuration (bootstrap servers and SCRAM login) for a principal of the contract's
     * {@link KafkaAccess} table, e.g. {@link KafkaAccess#ANALYST} for a read-only client.
     */
    public Map<String, String> kafkaClientConfig(String principal) {
        Map<String, String> config = new HashMap<>(KafkaBroker.scramLogin(principal, secrets.kafkaPassword(principal)));
        config.put("bootstrap.servers", kafka.bootstrapServers());
        return config;
    }

    /** The analyst's ready-made client properties file (read-only on every topic), rewritten at each start. */
    public Path kafkaAnalystProperties() {
        return analystProperties;
    }

    private static Map<String, String> kafkaPasswords(Secrets secrets) {
        Map<String, String> passwords = new HashMap<>();
        KafkaAccess.principals().forEach(principal -> passwords.put(principal, secrets.kafkaPassword(principal)));
        return passwords;
    }

    public String jdbcUrl(Component service) {
        return postgres.jdbcUrl(service.database());
    }

    public String databaseUsername() {
        return postgres.username();
    }

    public String databasePassword() {
        return postgres.password();
    }

    /** {@code http://localhost:8180/realms/clearpost} */
    public String issuerUrl() {
        return keycloak.issuerUrl();
    }

    public String tokenUrl() {
        return issuerUrl() + "/protocol/openid-connect/token";
    }

    /** The pid of kc.sh, which runs the Keycloak JVM as its child (or, after a build step, has become it). */
    public long keycloakPid() {
        return keycloak.pid();
    }

    public Path dataDir() {
        return options.dataDir();
    }

    public Path logsDir() {
        return options.dataDir().resolve("logs");
    }

    public Path logFile(Component component) {
        return logsDir().resolve(component.id() + ".log");
    }

    /** The applications that were started, in start order. */
    public Map<Component, ServiceProcess> applications() {
        return Collections.unmodifiableMap(new EnumMap<>(applications));
    }

    /** Numbers and times the start steps: {@code [4/9] sandbox ready in 3.2 s}. */
    private final class Steps {
        private final int total;
        private int done;

        Steps(int total) {
            this.total = total;
        }

        void run(String name, Runnable step) {
            run(name, System.nanoTime(), step);
        }

        void run(String name, long startedAt, Runnable step) {
            if (closed) {
                throw new IllegalStateException("the platform was stopped during start-up");
            }
            step.run();
            done++;
            progress.accept("[%d/%d] %s ready in %s".formatted(done, total, name, secondsSince(startedAt)));
        }
    }

    private static String secondsSince(long startedAtNanos) {
        return "%.1f s".formatted((System.nanoTime() - startedAtNanos) / 1e9);
    }
}
