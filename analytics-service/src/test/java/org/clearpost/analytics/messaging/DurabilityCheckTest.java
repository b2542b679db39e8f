package org.clearpost.analytics.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.clearpost.support.reliability.DurabilityCheck;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** The start-up check reads what the database really does, and notices when commits are not durable. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class DurabilityCheckTest {

    @Inject
    DurabilityCheck check;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theTestDatabaseCommitsDurably() {
        assertThat(check.check()).isTrue();
    }

    @Test
    void aDatabaseSetToAsynchronousCommitIsNoticed() throws SQLException {
        // A per-database setting overrides the server's for new sessions; the pool is flushed so the check gets one.
        alterDatabase("SET synchronous_commit = off");
        try {
            assertThat(check.check()).isFalse();
        } finally {
            alterDatabase("RESET synchronous_commit");
        }
        assertThat(check.check()).isTrue();
    }

    private void alterDatabase(String change) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE analytics " + change);
        }
        dataSource.flush(AgroalDataSource.FlushMode.GRACEFUL);
    }
}
