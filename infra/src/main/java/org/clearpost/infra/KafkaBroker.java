package org.clearpost.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.clearpost.events.KafkaAccess;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM.
 * The data directory survives {@link #close()}: it is formatted only the first time.
 *
 * <p>Nobody gets in without credentials. The client listener speaks SASL (SCRAM-SHA-512 for everyone; PLAIN as well,
 * but PLAIN knows only the super user {@value #SUPER_USER}, whose password the broker is started with). ACLs are
 * enforced by the {@code StandardAuthorizer} and a client with no ACL is refused. The super user's PLAIN login exists
 * so that the broker can always be administered, even on a data directory formatted before SCRAM credentials were
 * bootstrapped or after its password changed: with it the broker rewrites the super user's SCRAM credential at every
 * start, and {@link #upsertScramUsers} everybody else's. The controller listener takes the super user only.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The super user: the broker itself (inter-broker, controller), provisioning, and tests acting as anybody. */
    public static final String SUPER_USER = KafkaAccess.ADMIN;
    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    private static final int NODE_ID = 1;
    private static final String CLIENT_LISTENER = "CLIENT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final int SCRAM_ITERATIONS = 8192;

    static {
        // Kafka calls Exit.exit/halt on fatal errors; in a shared test JVM or the launcher that would kill
        // everything else too (and orphan PostgreSQL). Report instead, and let the caller see the broker fail.
        Exit.setExitProcedure((code, message) ->
                System.err.printf("Embedded Kafka broker asked to exit(%d): %s (ignored)%n", code, message));
        Exit.setHaltProcedure((code, message) ->
                System.err.printf("Embedded Kafka broker asked to halt(%d): %s (ignored)%n", code, message));
    }

    private final KafkaRaftServer server;
    private final int port;
    private final String superUserPassword;

    private KafkaBroker(KafkaRaftServer server, int port, String superUserPassword) {
        this.server = server;
        this.port = port;
        this.superUserPassword = superUserPassword;
    }

    /**
     * Starts a broker that keeps its logs and metadata in {@code dataDir}.
     *
     * @param port              the client port, 0 for any free port
     * @param superUserPassword the password of {@value #SUPER_USER}; only letters, digits, {@code -} and {@code _}
     */
    public static KafkaBroker start(Path dataDir, int port, String superUserPassword) {
        if (superUserPassword == null || !superUserPassword.matches("[A-Za-z0-9_-]{16,}")) {
            // It is written into JAAS and SCRAM argument strings, where quotes, commas or brackets would break out.
            throw new IllegalArgumentException("the Kafka super user's password must be at least 16 of [A-Za-z0-9_-]");
        }
        // Kafka instantiates its plug-ins through the context class loader, and the threads it starts inherit
        // that loader. A caller's loader may be another one (Quarkus tests: the application's, closed on restart),
        // so pin it to the loader that holds Kafka for the whole start.
        Thread thread = Thread.currentThread();
        ClassLoader callersLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaRaftServer.class.getClassLoader());
        try {
            return startWithKafkasClassLoader(dataDir, port, superUserPassword);
        } finally {
            thread.setContextClassLoader(callersLoader);
        }
    }

    private static KafkaBroker startWithKafkasClassLoader(Path dataDir, int port, String superUserPassword) {
        int clientPort = FreePort.orPick(port);
        int controllerPort = FreePort.pick();
        try {
            Files.createDirectories(dataDir);
            KafkaConfig config = KafkaConfig.fromProps(
                    brokerProperties(dataDir, clientPort, controllerPort, superUserPassword), false);
            if (!Files.exists(dataDir.resolve("meta.properties"))) {
                format(config, dataDir, superUserPassword);
            }
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            KafkaBroker broker = new KafkaBroker(server, clientPort, superUserPassword);
            broker.awaitServing();
            // A directory formatted before SCRAM, or a changed password: the PLAIN login above still works, so
            // (re)write the super user's SCRAM credential, which the clients acting as the super user use.
            try {
                broker.upsertScramUsers(Map.of(SUPER_USER, superUserPassword));
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data directory " + dataDir, e);
        }
    }

    private static Properties brokerProperties(Path dataDir, int clientPort, int controllerPort, String superUserPassword) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        // Static voters: the controller port may change between restarts without touching the stored metadata.
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("listeners", CLIENT_LISTENER + "://localhost:" + clientPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", CLIENT_LISTENER + "://localhost:" + clientPort);
        props.put("listener.security.protocol.map",
                CLIENT_LISTENER + ":" + SECURITY_PROTOCOL + "," + CONTROLLER_LISTENER + ":" + SECURITY_PROTOCOL);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", CLIENT_LISTENER);
        // Authentication. PLAIN's server side checks against the user_<name> entries of its JAAS line: the super
        // user alone. SCRAM checks against the credentials stored in the cluster metadata.
        String superUserPlain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%s\" password=\"%s\" user_%s=\"%s\";"
                .formatted(SUPER_USER, superUserPassword, SUPER_USER, superUserPassword);
        String client = "listener.name." + CLIENT_LISTENER.toLowerCase(Locale.ROOT) + ".";
        props.put(client + "sasl.enabled.mechanisms", SCRAM_MECHANISM + ",PLAIN");
        props.put(client + "plain.sasl.jaas.config", superUserPlain);
        props.put(client + "scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        // KRaft cannot check SCRAM on the controller listener (the credentials live in the metadata it serves).
        String controller = "listener.name." + CONTROLLER_LISTENER.toLowerCase(Locale.ROOT) + ".";
        props.put(controller + "sasl.enabled.mechanisms", "PLAIN");
        props.put(controller + "plain.sasl.jaas.config", superUserPlain);
        props.put("sasl.mechanism.controller.protocol", "PLAIN");
        // Authorisation: only what an ACL allows; the super user bypasses ACLs.
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("allow.everyone.if.no.acl.found", "false");
        props.put("super.users", "User:" + SUPER_USER);
        props.put("log.dirs", dataDir.toAbsolutePath().toString());
        // One node: every internal topic must be satisfiable with a single replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        // Fewer offset partitions than the default 50: the first consumer group of a test joins faster.
        props.put("offsets.topic.num.partitions", "5");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", "3");
        // The default 128 MB dedupe buffer is taken from the host JVM's heap; a small test JVM dies of it.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        return props;
    }

    private static void format(KafkaConfig config, Path dataDir, String superUserPassword) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setScramArguments(List.of("%s=[name=%s,password=%s]"
                            .formatted(SCRAM_MECHANISM, SUPER_USER, superUserPassword)))
                    .addDirectory(dataDir.toAbsolutePath().toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage in " + dataDir, e);
        }
    }

    /** startup() returns before the broker necessarily answers metadata requests; wait until it does. */
    private void awaitServing() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Kafka broker on port " + port + " did not become ready", e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * The settings a Kafka client needs besides its bootstrap servers to log in as {@code user} with SCRAM-SHA-512:
     * {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}.
     */
    public static Map<String, String> scramLogin(String user, String password) {
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SECURITY_PROTOCOL,
                SaslConfigs.SASL_MECHANISM, SCRAM_MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";"
                        .formatted(user, password));
    }

    /** Bootstrap servers and SCRAM login of {@code user}: a complete client configuration. */
    public Map<String, Object> clientConfig(String user, String password) {
        Map<String, Object> config = new HashMap<>(scramLogin(user, password));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return config;
    }

    /** A client configuration logging in as the super user, who may do anything. */
    public Map<String, Object> superUserClientConfig() {
        return clientConfig(SUPER_USER, superUserPassword);
    }

    /** Creates the topics with the broker defaults (3 partitions, 1 replica); existing topics are left alone. */
    public void createTopics(String... names) {
        withKafkasClassLoader(() -> createTopicsWithKafkasClassLoader(Arrays.stream(names)
                .map(name -> new NewTopic(name, Optional.empty(), Optional.empty())).toList()));
    }

    /**
     * Creates one topic with its own partition count (empty: the broker default) and topic configs (such as
     * {@code cleanup.policy=compact}); an existing topic is left alone.
     */
    public void createTopic(String name, Optional<Integer> partitions, Map<String, String> configs) {
        withKafkasClassLoader(() -> createTopicsWithKafkasClassLoader(
                List.of(new NewTopic(name, partitions, Optional.empty()).configs(configs))));
    }

    /**
     * Creates or replaces the SCRAM-SHA-512 credential of each user (name to password). Idempotent: run at every
     * start, so that a password changed since (or a user added since) takes effect.
     */
    public void upsertScramUsers(Map<String, String> passwordsByUser) {
        withKafkasClassLoader(() -> {
            List<UserScramCredentialAlteration> upserts = passwordsByUser.entrySet().stream()
                    .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user.getKey(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), user.getValue()))
                    .toList();
            try (Admin admin = admin()) {
                admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the SCRAM credentials of " + passwordsByUser.keySet(), unwrap(e));
            }
            passwordsByUser.forEach(this::awaitLogin);
        });
    }

    /**
     * The controller acknowledges a credential once committed; the broker's credential cache applies it a moment
     * later, from the metadata log. Until then a login with it fails ("invalid credentials"), so the upsert returns
     * only once each user can log in (a test that logged in straight away failed now and then).
     */
    private void awaitLogin(String user, String password) {
        Map<String, Object> config = new HashMap<>(clientConfig(user, password));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Admin admin = Admin.create(config)) {
                admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("user " + user + " cannot log in 30 s after its credential was created", unwrap(e));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for " + user + "'s login", interrupted);
                }
            }
        }
    }

    /**
     * Makes the ACLs of the given principals ({@code User:<name>}) exactly {@code wanted}: missing ones are created,
     * ones no longer wanted are deleted. ACLs of other principals are left alone.
     */
    public void syncAcls(Collection<String> principals, Collection<AclBinding> wanted) {
        withKafkasClassLoader(() -> {
            Set<String> managed = principals.stream().map(name -> "User:" + name).collect(Collectors.toSet());
            try (Admin admin = admin()) {
                Collection<AclBinding> existing = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
                List<AclBindingFilter> stale = existing.stream()
                        .filter(binding -> managed.contains(binding.entry().principal()) && !wanted.contains(binding))
                        .map(AclBinding::toFilter)
                        .toList();
                if (!stale.isEmpty()) {
                    admin.deleteAcls(stale).all().get(30, TimeUnit.SECONDS);
                }
                List<AclBinding> missing = wanted.stream().filter(binding -> !existing.contains(binding)).toList();
                if (!missing.isEmpty()) {
                    admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot set the Kafka ACLs", unwrap(e));
            }
        });
    }

    /** The ACLs the broker holds now. */
    public Collection<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        withKafkasClassLoader(() -> {
            try (Admin admin = admin()) {
                acls.addAll(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the Kafka ACLs", unwrap(e));
            }
        });
        return acls;
    }

    private static Throwable unwrap(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    }

    /**
     * The admin client loads its plug-ins (the login module too) through the context class loader, as the broker
     * does: see {@link #start}.
     */
    private static void withKafkasClassLoader(Runnable action) {
        Thread thread = Thread.currentThread();
        ClassLoader callersLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaRaftServer.class.getClassLoader());
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(callersLoader);
        }
    }

    private void createTopicsWithKafkasClassLoader(List<NewTopic> topics) {
        try (Admin admin = admin()) {
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("timed out creating topics " + topics.stream().map(NewTopic::name).toList(), e);
        }
    }

    /** The broker's own admin client logs in with PLAIN, which works whatever SCRAM credentials exist. */
    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SECURITY_PROTOCOL,
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%s\" password=\"%s\";"
                        .formatted(SUPER_USER, superUserPassword)));
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
