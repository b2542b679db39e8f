package org.clearpost.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM.
 * The data directory survives {@link #close()}: it is formatted only the first time.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

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

    private KafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a broker that keeps its logs and metadata in {@code dataDir}.
     *
     * @param port the client port, 0 for any free port
     */
    public static KafkaBroker start(Path dataDir, int port) {
        // Kafka instantiates its plug-ins through the context class loader, and the threads it starts inherit
        // that loader. A caller's loader may be another one (Quarkus tests: the application's, closed on restart),
        // so pin it to the loader that holds Kafka for the whole start.
        Thread thread = Thread.currentThread();
        ClassLoader callersLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaRaftServer.class.getClassLoader());
        try {
            return startWithKafkasClassLoader(dataDir, port);
        } finally {
            thread.setContextClassLoader(callersLoader);
        }
    }

    private static KafkaBroker startWithKafkasClassLoader(Path dataDir, int port) {
        int clientPort = FreePort.orPick(port);
        int controllerPort = FreePort.pick();
        try {
            Files.createDirectories(dataDir);
            KafkaConfig config = KafkaConfig.fromProps(brokerProperties(dataDir, clientPort, controllerPort), false);
            if (!Files.exists(dataDir.resolve("meta.properties"))) {
                format(config, dataDir);
            }
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            KafkaBroker broker = new KafkaBroker(server, clientPort);
            broker.awaitServing();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data directory " + dataDir, e);
        }
    }

    private static Properties brokerProperties(Path dataDir, int clientPort, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        // Static voters: the controller port may change between restarts without touching the stored metadata.
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + clientPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + clientPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
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

    private static void format(KafkaConfig config, Path dataDir) {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
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

    /** Creates the topics with the broker defaults (3 partitions, 1 replica); existing topics are left alone. */
    public void createTopics(String... names) {
        // The admin client loads its plug-ins through the context class loader, as the broker does: see start().
        Thread thread = Thread.currentThread();
        ClassLoader callersLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaRaftServer.class.getClassLoader());
        try {
            createTopicsWithKafkasClassLoader(names);
        } finally {
            thread.setContextClassLoader(callersLoader);
        }
    }

    private void createTopicsWithKafkasClassLoader(String... names) {
        List<NewTopic> topics = Arrays.stream(names)
                .map(name -> new NewTopic(name, Optional.empty(), Optional.empty()))
                .toList();
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
            throw new IllegalStateException("timed out creating topics " + Arrays.toString(names), e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
