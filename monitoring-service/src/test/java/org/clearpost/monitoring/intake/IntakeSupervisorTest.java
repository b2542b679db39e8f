package org.clearpost.monitoring.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.clearpost.testing.RealInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Two "replicas" (the application's supervisor and a second one made here, each with its own lease connection) on
 * the real database: one runs the intake at a time, the lease passes on when its holder stops or loses its
 * connection, and a failed run is started again.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class IntakeSupervisorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    IntakeSupervisor supervisor;

    @Inject
    IntakeSink sink;

    @Inject
    IntakeConfig config;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    /** Runs until interrupted; its first run fails if asked to. */
    static final class CountingIntake implements NetworkIntake {
        final String name;
        final boolean failFirst;
        final AtomicInteger runs = new AtomicInteger();
        volatile boolean running;

        CountingIntake(String name, boolean failFirst) {
            this.name = name;
            this.failFirst = failFirst;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public void run(IntakeSink sink) throws InterruptedException {
            if (runs.incrementAndGet() == 1 && failFirst) {
                throw new IllegalStateException("test: the first run fails");
            }
            running = true;
            try {
                while (true) {
                    Thread.sleep(20);
                }
            } finally {
                running = false;
            }
        }
    }

    @Test
    void oneReplicaRunsAnIntakeAtATimeAndTheLeasePassesOnWhenItsHolderStops() throws Exception {
        String name = "threads-" + UUID.randomUUID();
        CountingIntake first = new CountingIntake(name, true);
        supervisor.supervise(first);
        // The failed first run is started again after the back-off.
        await().atMost(TIMEOUT).until(() -> first.running);
        assertThat(first.runs.get()).isEqualTo(2);
        assertThat(supervisor.holdsLease(name)).isTrue();

        IntakeSupervisor otherReplica = new IntakeSupervisor(null, sink, config, url, user, password);
        CountingIntake second = new CountingIntake(name, false);
        otherReplica.supervise(second);
        try {
            Thread.sleep(config.leaseInterval().toMillis() * 3);
            assertThat(second.runs.get()).isZero();
            assertThat(otherReplica.holdsLease(name)).isFalse();

            supervisor.stop(name);
            assertThat(first.running).isFalse();
            await().atMost(TIMEOUT).until(() -> second.running);
            assertThat(otherReplica.holdsLease(name)).isTrue();
            assertThat(first.runs.get()).isEqualTo(2);
        } finally {
            otherReplica.stop(name);
        }
        assertThat(second.running).isFalse();
    }

    @Test
    void aHolderThatLosesItsLeaseConnectionStopsTheIntakeAndTakesItBackWhenItCan() throws Exception {
        String name = "threads-" + UUID.randomUUID();
        CountingIntake intake = new CountingIntake(name, false);
        supervisor.supervise(intake);
        try {
            await().atMost(TIMEOUT).until(() -> intake.running);
            // The database ends the lease's session (a restart, a network cut, an administrator).
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement kill = connection.prepareStatement("""
                            SELECT pg_terminate_backend(pid) FROM pg_locks
                            WHERE locktype = 'advisory' AND ((classid::bigint << 32) | objid::bigint) = ?""")) {
                kill.setLong(1, IntakeSupervisor.lockKey(name));
                try (ResultSet result = kill.executeQuery()) {
                    assertThat(result.next()).as("the lease's lock is held").isTrue();
                    assertThat(result.getBoolean(1)).isTrue();
                }
            }
            await().atMost(TIMEOUT).until(() -> intake.runs.get() == 2 && intake.running);
            assertThat(supervisor.holdsLease(name)).isTrue();
        } finally {
            supervisor.stop(name);
        }
        assertThat(intake.running).isFalse();
    }
}
