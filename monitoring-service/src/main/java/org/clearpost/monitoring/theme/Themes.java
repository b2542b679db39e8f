package org.clearpost.monitoring.theme;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.events.Network;
import org.clearpost.support.problem.ProblemException;

/** Reading themes: the open ones largest first, one with its mentions. */
@ApplicationScoped
public class Themes {

    private static final String LIST = """
            SELECT id, label, query_id, size, first_seen, last_seen FROM theme
            WHERE last_seen >= ? AND size >= ? AND (?::uuid IS NULL OR query_id = ?::uuid)
            ORDER BY size DESC, last_seen DESC, id LIMIT ? OFFSET ?""";
    private static final String ONE = "SELECT id, label, query_id, size, first_seen, last_seen FROM theme WHERE id = ?";
    private static final String MEMBERS = """
            SELECT id, network, author_name, author_handle, text, url, received_at, status, priority FROM mention
            WHERE theme_id = ? ORDER BY received_at DESC, id LIMIT ?""";

    private final DataSource dataSource;
    private final Clock clock;
    private final ThemeConfig config;

    public Themes(DataSource dataSource, Clock clock, ThemeConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
    }

    /**
     * @param window  how far back the latest mention may be (null: the configured window)
     * @param minSize null: the configured smallest listed size
     */
    @Transactional
    public List<ThemeView> open(Duration window, Integer minSize, UUID queryId, int page, int size) {
        Instant since = clock.instant().minus(window == null ? config.window() : window);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(LIST)) {
            select.setTimestamp(1, Timestamp.from(since));
            select.setInt(2, minSize == null ? config.listMinSize() : minSize);
            select.setObject(3, queryId);
            select.setObject(4, queryId);
            select.setInt(5, size);
            select.setLong(6, (long) page * size);
            List<ThemeView> themes = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    themes.add(view(rows));
                }
            }
            return themes;
        } catch (SQLException e) {
            throw new PersistenceException("Cannot list themes", e);
        }
    }

    /** The theme and its newest {@code limit} mentions; 404 if unknown. */
    @Transactional
    public ThemeDetailView find(UUID id, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            ThemeView theme;
            try (PreparedStatement select = connection.prepareStatement(ONE)) {
                select.setObject(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw ProblemException.notFound("Theme", id);
                    }
                    theme = view(rows);
                }
            }
            List<ThemeDetailView.Member> members = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(MEMBERS)) {
                select.setObject(1, id);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        members.add(new ThemeDetailView.Member(rows.getObject(1, UUID.class),
                                Network.valueOf(rows.getString(2)), rows.getString(3), rows.getString(4),
                                rows.getString(5), rows.getString(6), rows.getTimestamp(7).toInstant(),
                                rows.getString(8), rows.getString(9)));
                    }
                }
            }
            boolean open = !theme.lastSeen().isBefore(clock.instant().minus(config.window()));
            return new ThemeDetailView(theme.id(), theme.label(), theme.queryId(), theme.size(), theme.firstSeen(),
                    theme.lastSeen(), open, members);
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read theme " + id, e);
        }
    }

    /**
     * Drops the LSH keys of themes closed for longer than the window: nothing can join them any more, and the key
     * index stays the size of the open themes.
     */
    @Transactional
    public int prune() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("""
                        DELETE FROM theme_band b USING theme t WHERE t.id = b.theme_id AND t.last_seen < ?""")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(config.window())));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("Cannot prune theme keys", e);
        }
    }

    private static ThemeView view(ResultSet rows) throws SQLException {
        return new ThemeView(rows.getObject(1, UUID.class), rows.getString(2), rows.getObject(3, UUID.class),
                rows.getInt(4), rows.getTimestamp(5).toInstant(), rows.getTimestamp(6).toInstant());
    }
}
