package org.clearpost.monitoring.facebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@code facebook_coverage} and {@code facebook_gap} (V7): how far the Page is known to be covered, and the holes. */
@ApplicationScoped
public class FacebookCoverage {

    /** A time span whose changes may be lost: read back from the Graph API. */
    public record Gap(Instant from, Instant until) {
    }

    private final DataSource dataSource;

    FacebookCoverage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A delivery was received at {@code at}: coverage moves up to it, and a silence before it longer than
     * {@code threshold} is recorded as a gap (Meta may have dropped what it could not deliver in it). Deliveries
     * reaching several replicas at once serialise on the row lock.
     */
    @Transactional
    public void delivered(Instant at, Duration threshold) {
        try (Connection c = dataSource.getConnection()) {
            Optional<Instant> covered = lockCovered(c);
            if (covered.isEmpty()) {
                insertCovered(c, at);
                return;
            }
            if (Duration.between(covered.get(), at).compareTo(threshold) > 0) {
                try (PreparedStatement gap = c.prepareStatement(
                        "INSERT INTO facebook_gap (gap_from, gap_until) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                    gap.setTimestamp(1, Timestamp.from(covered.get()));
                    gap.setTimestamp(2, Timestamp.from(at));
                    gap.executeUpdate();
                }
            }
            update(c, at);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a Facebook delivery", e);
        }
    }

    /** Where coverage stands, starting it at {@code now} if nothing was ever covered (nothing before can be read). */
    @Transactional
    public Instant coveredUntil(Instant now) {
        try (Connection c = dataSource.getConnection()) {
            Optional<Instant> covered = lockCovered(c);
            if (covered.isPresent()) {
                return covered.get();
            }
            insertCovered(c, now);
            return now;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read Facebook coverage", e);
        }
    }

    /** Everything up to {@code until} has been read back: coverage moves up to it (never back). */
    @Transactional
    public void covered(Instant until) {
        try (Connection c = dataSource.getConnection()) {
            if (lockCovered(c).isEmpty()) {
                insertCovered(c, until);
            } else {
                update(c, until);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record Facebook coverage", e);
        }
    }

    @Transactional
    public List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT gap_from, gap_until FROM facebook_gap ORDER BY gap_from");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                gaps.add(new Gap(rows.getTimestamp(1).toInstant(), rows.getTimestamp(2).toInstant()));
            }
            return gaps;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read Facebook gaps", e);
        }
    }

    @Transactional
    public void closed(Gap gap) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM facebook_gap WHERE gap_from = ?")) {
            delete.setTimestamp(1, Timestamp.from(gap.from()));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close a Facebook gap", e);
        }
    }

    private static Optional<Instant> lockCovered(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT covered_until FROM facebook_coverage FOR UPDATE");
                ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(row.getTimestamp(1).toInstant()) : Optional.empty();
        }
    }

    private static void insertCovered(Connection c, Instant at) throws SQLException {
        // Two replicas may both find no row: the second insert does nothing and its time is applied as an update.
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO facebook_coverage (covered_until) VALUES (?) ON CONFLICT (singleton) DO UPDATE "
                        + "SET covered_until = GREATEST(facebook_coverage.covered_until, EXCLUDED.covered_until)")) {
            insert.setTimestamp(1, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    private static void update(Connection c, Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE facebook_coverage SET covered_until = GREATEST(covered_until, ?)")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.executeUpdate();
        }
    }
}
