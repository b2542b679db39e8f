package org.clearpost.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (zonky's embedded binaries, run as a separate postmaster process).
 *
 * <p>As root, zonky runs initdb/pg_ctl under {@code unshare -U}, because PostgreSQL refuses to run as root;
 * {@link #start} checks up front that user namespaces allow this and explains the failure otherwise.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String SUPERUSER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * Durability settings passed on the postmaster's command line (zonky's {@code -c} options), which override
     * postgresql.conf, so a data directory initialised by an older run gets them too. zonky defaults to
     * {@code synchronous_commit=off}, which acknowledges a commit before its WAL reaches disk: a crash of the server
     * then loses writes the services already confirmed (201/200) and events they believe are in their outbox.
     */
    public static final Map<String, String> DURABILITY = Map.of(
            "synchronous_commit", "on",
            "fsync", "on",
            "full_page_writes", "on");

    /** pg_ctl may give up waiting under load while the server is still shutting down. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final ProcessHandle postmaster;

    private PostgresServer(EmbeddedPostgres postgres, ProcessHandle postmaster) {
        this.postgres = postgres;
        this.postmaster = postmaster;
    }

    /**
     * @param dataDir where the cluster lives; {@code null} for a temporary one deleted on close.
     *                An existing cluster in {@code dataDir} is reused, never cleaned.
     * @param port    0 for any free port
     */
    public static PostgresServer start(Path dataDir, int port) {
        RootCheck.requireUsableAsRoot();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60));
        DURABILITY.forEach(builder::setServerConfig);
        try {
            Path directory;
            if (dataDir == null) {
                directory = Files.createTempDirectory("clearpost-postgres");
                builder.setDataDirectory(directory).setCleanDataDirectory(true);
            } else {
                directory = Files.createDirectories(dataDir);
                runningPostmaster(directory).ifPresent(PostgresServer::stopOrphan);
                builder.setDataDirectory(directory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            ProcessHandle postmaster = runningPostmaster(directory)
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL started without a postmaster.pid in " + directory));
            return new PostgresServer(postgres, postmaster);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL" + (dataDir == null ? "" : " in " + dataDir), e);
        }
    }

    /** The live postgres process named in the data directory's postmaster.pid, if any. */
    private static Optional<ProcessHandle> runningPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(Processes::isRunning)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }

    /**
     * A launcher killed with SIGKILL leaves its postmaster running, holding the data directory and port;
     * stop it so that this start can own them. SIGTERM is PostgreSQL's "smart" shutdown; nobody is connected to
     * an orphan, so it ends promptly.
     */
    private static void stopOrphan(ProcessHandle postmaster) {
        postmaster.destroy();
        if (!Processes.awaitEnd(postmaster, STOP_TIMEOUT)) {
            throw new IllegalStateException("a PostgreSQL left running by an earlier run (pid " + postmaster.pid() + ") does not stop");
        }
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case database name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                // CREATE DATABASE takes no bind parameters; the name was validated above.
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return SUPERUSER;
    }

    /** The server trusts local connections; a password is returned because clients insist on one. */
    public String password() {
        return SUPERUSER;
    }

    /**
     * kill -9 of the postmaster and all its backends together, as the OOM killer or a crash of the host's container
     * would do: no checkpoint, no shutdown record, whatever was only in memory is gone. Killing the backends too
     * means a restart never finds old backends still attached to the shared memory. Then releases zonky's lock on
     * the data directory (its pg_ctl stop finds nothing to stop), so that {@link #start} can start the server
     * again on the same directory and port, with crash recovery. For fault injection only.
     */
    public void kill() {
        List<ProcessHandle> tree = new ArrayList<>(postmaster.descendants().toList());
        tree.add(0, postmaster);
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : tree) {
            if (!Processes.awaitEnd(process, STOP_TIMEOUT)) {
                throw new IllegalStateException("PostgreSQL process " + process.pid() + " survived SIGKILL");
            }
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the data directory of the killed PostgreSQL", e);
        }
    }

    /** Returns once the postmaster has exited, not merely when pg_ctl stopped waiting for it. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        }
        if (!Processes.awaitEnd(postmaster, STOP_TIMEOUT)) {
            throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") did not stop within " + STOP_TIMEOUT);
        }
    }
}
