package org.clearpost.monitoring.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.events.SavedReplyDefined;
import org.clearpost.events.SavedReplyDeleted;
import org.clearpost.support.outbox.Outbox;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;

/**
 * Saved replies (SQL over {@code saved_reply}): names are unique whatever their case. Every change is an event in the
 * outbox in the same transaction (SavedReplyDefined, SavedReplyDeleted).
 */
@ApplicationScoped
public class SavedReplies {

    private static final String COLUMNS = "id, name, text, created_by, created_at, changed_by, changed_at";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Clock clock;
    private final Outbox outbox;

    public SavedReplies(DataSource dataSource, Clock clock, Outbox outbox) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.outbox = outbox;
    }

    @Transactional
    public SavedReply create(String name, String text, String by) {
        check(text);
        Instant now = now();
        SavedReply reply = new SavedReply(UUID.randomUUID(), name.strip(), text.strip(), by, now, by, now);
        write("INSERT INTO saved_reply (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", reply.name(), reply.id(),
                reply.name(), reply.text(), reply.createdBy(), Timestamp.from(now), reply.changedBy(),
                Timestamp.from(now));
        defined(reply);
        return reply;
    }

    @Transactional
    public SavedReply update(UUID id, String name, String text, String by) {
        check(text);
        Instant now = now();
        if (write("UPDATE saved_reply SET name = ?, text = ?, changed_by = ?, changed_at = ? WHERE id = ?",
                name.strip(), name.strip(), text.strip(), by, Timestamp.from(now), id) == 0) {
            throw ProblemException.notFound("Saved reply", id);
        }
        SavedReply reply = find(id);
        defined(reply);
        return reply;
    }

    @Transactional
    public void delete(UUID id, String by) {
        if (write("DELETE FROM saved_reply WHERE id = ?", null, id) == 0) {
            throw ProblemException.notFound("Saved reply", id);
        }
        outbox.append(new SavedReplyDeleted(id, by, now()));
    }

    @Transactional
    public SavedReply find(UUID id) {
        List<SavedReply> found = read("SELECT " + COLUMNS + " FROM saved_reply WHERE id = ?", id);
        if (found.isEmpty()) {
            throw ProblemException.notFound("Saved reply", id);
        }
        return found.get(0);
    }

    /** All, by name. */
    @Transactional
    public List<SavedReply> list() {
        return read("SELECT " + COLUMNS + " FROM saved_reply ORDER BY lower(name), id");
    }

    /**
     * The saved reply's text with its placeholders filled from the mention's author: what a reply sends when a
     * monitor picks the saved reply for that mention. 404 if either is unknown.
     */
    @Transactional
    public String render(UUID savedReplyId, UUID mentionId) {
        SavedReply reply = find(savedReplyId);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT author_name, author_handle FROM mention WHERE id = ?")) {
            select.setObject(1, mentionId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw ProblemException.notFound("Mention", mentionId);
                }
                return Placeholders.fill(reply.text(), row.getString(1), row.getString(2));
            }
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read mention " + mentionId, e);
        }
    }

    private static void check(String text) {
        List<String> unknown = Placeholders.unknown(text);
        if (!unknown.isEmpty()) {
            String message = "unknown placeholder " + String.join(", ", unknown) + "; known: "
                    + Placeholders.KNOWN.keySet().stream().sorted().map(k -> "{" + k + "}").toList();
            throw ProblemException.badRequest("text: " + message, List.of(new Problem.Violation("text", message)));
        }
    }

    /** Runs an insert or update; a second reply named {@code name} is a 409. */
    private int write(String sql, String name, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw ProblemException.conflict("Name taken", "A saved reply is already named " + name);
            }
            throw new PersistenceException("Cannot write a saved reply", e);
        }
    }

    private List<SavedReply> read(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<SavedReply> replies = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    replies.add(new SavedReply(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                            row.getString(4), row.getTimestamp(5).toInstant(), row.getString(6),
                            row.getTimestamp(7).toInstant()));
                }
            }
            return replies;
        } catch (SQLException e) {
            throw new PersistenceException("Cannot read saved replies", e);
        }
    }

    private void defined(SavedReply reply) {
        outbox.append(new SavedReplyDefined(reply.id(), reply.name(), reply.text(), reply.changedBy(),
                reply.changedAt()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
