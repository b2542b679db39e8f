package org.clearpost.monitoring.intake;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.clearpost.support.reliability.Backoff;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs each enabled {@link NetworkIntake} on exactly one monitoring replica at a time: the one holding the intake's
 * lease, a PostgreSQL session advisory lock taken on a connection of its own (not from the pool, whose connections
 * outlive a borrower and would keep the lock). Every replica tries for every lease every
 * {@link IntakeConfig#leaseInterval()}; the holder checks its connection as often, and stops the intake at once when
 * the connection (and so the lock) is gone, e.g. the database restarted or this replica was cut off from it.
 *
 * <p>The lease keeps two replicas from both reading a stream most of the time; it cannot be perfect (a replica cut off
 * from the database notices only at its next check). What makes a short overlap harmless is Kafka: the intake's
 * transactional id is the same on every replica, so the newer run fences the older one's producer, and the pipeline
 * dedupes whatever both read.
 */
@ApplicationScoped
public class IntakeSupervisor {

    private static final Logger LOG = Logger.getLogger(IntakeSupervisor.class);

    private final Instance<NetworkIntake> intakes;
    private final IntakeSink sink;
    private final IntakeConfig config;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    public IntakeSupervisor(Instance<NetworkIntake> intakes, IntakeSink sink, IntakeConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.intakes = intakes;
        this.sink = sink;
        this.config = config;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent startup) {
        for (NetworkIntake intake : intakes) {
            if (intake.enabled()) {
                supervise(intake);
            } else {
                LOG.infof("Intake %s is not configured here; not running it", intake.name());
            }
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        leases.keySet().forEach(this::stop);
    }

    /** Starts competing for {@code intake}'s lease and runs it whenever this replica holds it. */
    public void supervise(NetworkIntake intake) {
        Lease lease = new Lease(intake);
        if (leases.putIfAbsent(intake.name(), lease) != null) {
            throw new IllegalStateException("intake " + intake.name() + " is already supervised");
        }
        lease.thread.start();
    }

    /** Stops running {@code intake} here and gives its lease up (interrupts, then waits for its thread). */
    public void stop(String intake) {
        Lease lease = leases.remove(intake);
        if (lease != null) {
            lease.stop();
        }
    }

    /** Whether this replica holds {@code intake}'s lease now (and so runs it). */
    public boolean holdsLease(String intake) {
        Lease lease = leases.get(intake);
        return lease != null && lease.held;
    }

    /** The advisory lock key of an intake: stable across replicas and releases, derived from its name alone. */
    static long lockKey(String intake) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("clearpost.monitoring.intake:" + intake).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** One intake's lease holder: a thread that takes the lock, runs the intake's runner while it holds it. */
    private final class Lease {

        private final NetworkIntake intake;
        private final Thread thread;
        private volatile boolean stopping;
        private volatile boolean held;

        Lease(NetworkIntake intake) {
            this.intake = intake;
            this.thread = new Thread(this::compete, "intake-lease-" + intake.name());
            this.thread.setDaemon(true);
        }

        void stop() {
            stopping = true;
            thread.interrupt();
            try {
                thread.join(config.stopTimeout().toMillis() * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void compete() {
            long key = lockKey(intake.name());
            while (!stopping) {
                try (Connection connection = connect()) {
                    while (!stopping && !tryLock(connection, key)) {
                        Thread.sleep(config.leaseInterval().toMillis());
                        if (!connection.isValid(timeoutSeconds())) {
                            throw new SQLException("the lease connection was lost", "08006");
                        }
                    }
                    if (!stopping) {
                        hold(connection, key);
                    }
                } catch (SQLException e) {
                    LOG.warnf("Intake %s: its lease cannot be taken or kept now (%s); trying again in %s",
                            intake.name(), e.getMessage(), config.leaseInterval());
                    pause(config.leaseInterval());
                } catch (InterruptedException e) {
                    // stop() interrupts; the loop's condition ends it
                }
            }
        }

        /** Runs the intake while the lock's session lives; returns when stopping or when the lease is lost. */
        private void hold(Connection connection, long key) throws SQLException, InterruptedException {
            held = true;
            LOG.infof("Intake %s: this replica holds its lease and runs it", intake.name());
            Thread runner = new Thread(this::runUntilInterrupted, "intake-" + intake.name());
            runner.setDaemon(true);
            runner.start();
            try {
                while (!stopping && runner.isAlive()) {
                    runner.join(config.leaseInterval().toMillis());
                    if (!stopping && !connection.isValid(timeoutSeconds())) {
                        LOG.warnf("Intake %s: lost its lease (the lock's database session ended); stopping it here",
                                intake.name());
                        break;
                    }
                }
            } finally {
                held = false;
                runner.interrupt();
                runner.join(config.stopTimeout().toMillis());
                if (runner.isAlive()) {
                    LOG.warnf("Intake %s did not stop within %s of being interrupted", intake.name(),
                            config.stopTimeout());
                }
            }
            unlock(connection, key);
        }

        /** Runs the intake again and again, with a capped back-off after each failure, until interrupted. */
        private void runUntilInterrupted() {
            Backoff backoff = new Backoff(config.restartFirst(), config.restartMax());
            int failuresInARow = 0;
            while (!Thread.currentThread().isInterrupted()) {
                Instant started = Instant.now();
                try {
                    intake.run(sink);
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    LOG.warnf("Intake %s ended its run by itself; starting it again", intake.name());
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    if (Thread.currentThread().isInterrupted() || stopping) {
                        return;
                    }
                    LOG.warnf(e, "Intake %s failed; starting it again after a back-off", intake.name());
                }
                if (Duration.between(started, Instant.now()).compareTo(config.restartMax()) > 0) {
                    failuresInARow = 0;
                }
                failuresInARow++;
                try {
                    Thread.sleep(backoff.delay(failuresInARow).toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private int timeoutSeconds() {
            return (int) Math.max(1, config.leaseInterval().toSeconds());
        }

        private void pause(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                // stopping
            }
        }
    }

    /** A connection outside the pool: closing it ends the session, and so releases the lease for sure. */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + jdbcUrl);
        }
        return connection;
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection, long key) {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, key);
            unlock.execute();
        } catch (SQLException e) {
            LOG.debugf("Could not release an intake lease (%s); closing its connection does", e.getMessage());
        }
    }
}
