package org.clearpost.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresServerTest {

    @Test
    void ensureDatabaseCreatesAQueryableDatabaseOnce() throws SQLException {
        try (PostgresServer postgres = timedStart(null)) {
            postgres.ensureDatabase("drafting");
            postgres.ensureDatabase("drafting");

            try (Connection connection = connect(postgres, "drafting");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT current_database(), version()")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("drafting");
                assertThat(rows.getString(2)).startsWith("PostgreSQL 17");
            }
        }
    }

    @Test
    void dataDirectorySurvivesARestart(@TempDir Path dataDir) throws SQLException {
        int port;
        try (PostgresServer postgres = timedStart(dataDir.resolve("pg"))) {
            port = postgres.port();
            postgres.ensureDatabase("clearance");
            try (Connection connection = connect(postgres, "clearance");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE decision (id int PRIMARY KEY, verdict text)");
                statement.execute("INSERT INTO decision VALUES (1, 'approved')");
            }
        }

        try (PostgresServer restarted = timedStart(dataDir.resolve("pg"));
             Connection connection = connect(restarted, "clearance");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT verdict FROM decision WHERE id = 1")) {
            assertThat(restarted.port()).isNotEqualTo(0);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("approved");
        }
        assertThat(port).isPositive();
    }

    /** Confirmed commits must survive a crash of the server: WAL flushed before the commit returns. */
    @Test
    void commitsAreDurableEvenInADataDirectoryFromAnEarlierRun(@TempDir Path dataDir) throws SQLException {
        try (PostgresServer postgres = timedStart(dataDir.resolve("pg"))) {
            assertThat(settings(postgres)).isEqualTo("on on on");
        }
        try (PostgresServer restarted = timedStart(dataDir.resolve("pg"))) {
            assertThat(settings(restarted)).isEqualTo("on on on");
        }
    }

    private static String settings(PostgresServer postgres) throws SQLException {
        try (Connection connection = connect(postgres, "postgres");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('synchronous_commit') || ' ' "
                     + "|| current_setting('fsync') || ' ' || current_setting('full_page_writes')")) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void aKilledServerRecoversOnTheSameDirectoryAndPort(@TempDir Path dataDir) throws SQLException {
        PostgresServer postgres = timedStart(dataDir.resolve("pg"));
        int port = postgres.port();
        postgres.ensureDatabase("publisher");
        try (Connection connection = connect(postgres, "publisher");
             Statement statement = connection.createStatement()) {
            // Durable whatever the server's default: this test is about recovery, not about commit settings.
            statement.execute("SET synchronous_commit = on");
            statement.execute("CREATE TABLE publication (id int PRIMARY KEY)");
            statement.execute("INSERT INTO publication VALUES (1)");
        }

        postgres.kill();
        assertThat(dataDir.resolve("pg/postmaster.pid")).as("left behind, as after a crash").exists();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> connect(postgres, "publisher").close())
                .isInstanceOf(SQLException.class);

        try (PostgresServer restarted = PostgresServer.start(dataDir.resolve("pg"), port);
             Connection connection = connect(restarted, "publisher");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM publication")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    private static PostgresServer timedStart(Path dataDir) {
        long started = System.nanoTime();
        PostgresServer postgres = PostgresServer.start(dataDir, 0);
        System.out.printf("PostgreSQL started in %d ms (%s)%n", (System.nanoTime() - started) / 1_000_000,
                dataDir == null ? "temporary" : dataDir);
        return postgres;
    }

    private static Connection connect(PostgresServer postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }
}
