package org.clearpost.support.reliability;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Says at start-up, loudly, when the database would acknowledge a commit before it is on disk. With
 * {@code synchronous_commit=off} a crash of PostgreSQL loses transactions the service has already confirmed to a
 * client (a 201 for a post that then does not exist) and outbox rows the service believes it will send; the ledger's
 * "published" marks can vanish too, and a post then goes out twice. The service still starts: refusing would turn a
 * configuration mistake into an outage.
 */
@ApplicationScoped
public class DurabilityCheck {

    private static final Logger LOG = Logger.getLogger(DurabilityCheck.class);
    /** Every value but {@code off} waits for the local WAL flush; the remote ones wait for a standby as well. */
    private static final Set<String> DURABLE = Set.of("on", "local", "remote_write", "remote_apply");

    private final DataSource dataSource;

    public DurabilityCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent startup) {
        check();
    }

    /** @return whether the database commits durably; false also when it cannot be asked. */
    public boolean check() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            String synchronousCommit = show(statement, "synchronous_commit");
            String fsync = show(statement, "fsync");
            if (!DURABLE.contains(synchronousCommit) || !"on".equals(fsync)) {
                LOG.warnf("The database does not commit durably (synchronous_commit=%s, fsync=%s): a crash of "
                        + "PostgreSQL will lose writes this service has already confirmed. Set synchronous_commit=on "
                        + "and fsync=on.", synchronousCommit, fsync);
                return false;
            }
            LOG.debugf("The database commits durably (synchronous_commit=%s, fsync=%s)", synchronousCommit, fsync);
            return true;
        } catch (SQLException e) {
            LOG.warnf("Cannot check that the database commits durably: %s", e.getMessage());
            return false;
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        // SHOW takes no bind parameters; setting is one of the constants above.
        try (ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
