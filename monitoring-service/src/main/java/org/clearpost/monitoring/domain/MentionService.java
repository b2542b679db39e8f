package org.clearpost.monitoring.domain;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.events.Network;
import org.clearpost.support.outbox.Outbox;
import org.clearpost.support.problem.ProblemException;

/** Monitoring's use cases. A new mention and the MentionReceived announcing it commit together. */
@ApplicationScoped
public class MentionService {

    // ON CONFLICT rather than look-then-insert: a network may retry a delivery while the first is still being
    // stored, and the second must then find the row instead of failing on the unique key.
    private static final String INSERT_IF_NEW = """
            INSERT INTO mention (id, network, external_id, account, author_id, author_name, text, url,
                                 mentioned_at, received_at, status)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (network, external_id) DO NOTHING""";

    private static final Sort NEWEST_FIRST = Sort.descending("receivedAt", "mentionedAt", "id");

    private final Outbox outbox;
    private final DataSource dataSource;

    public MentionService(Outbox outbox, DataSource dataSource) {
        this.outbox = outbox;
        this.dataSource = dataSource;
    }

    /**
     * Stores the mentions not seen before and announces each of them; repeats of known ones are dropped.
     * Returns how many were new.
     */
    @Transactional
    public int receive(List<IncomingMention> incoming, Instant receivedAt) {
        // PostgreSQL keeps microseconds: the event must carry the very instant the inbox will show.
        Instant at = receivedAt.truncatedTo(ChronoUnit.MICROS);
        int stored = 0;
        for (IncomingMention mention : incoming) {
            UUID id = UUID.randomUUID();
            if (insertIfNew(id, mention, at)) {
                outbox.append(mention.received(id, at));
                stored++;
            }
        }
        return stored;
    }

    @Transactional
    public Mention find(UUID id) {
        Mention mention = Mention.findById(id);
        if (mention == null) {
            throw ProblemException.notFound("Mention", id);
        }
        return mention;
    }

    /** One page of the inbox, newest first; a null filter matches everything. */
    @Transactional
    public List<Mention> inbox(Network network, MentionStatus status, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (network != null) {
            conditions.add("network = :network");
            parameters.put("network", network);
        }
        if (status != null) {
            conditions.add("status = :status");
            parameters.put("status", status);
        }
        return (conditions.isEmpty() ? Mention.<Mention>findAll(NEWEST_FIRST)
                : Mention.<Mention>find(String.join(" and ", conditions), NEWEST_FIRST, parameters))
                .page(Page.of(page, size)).list();
    }

    private boolean insertIfNew(UUID id, IncomingMention mention, Instant receivedAt) {
        // Within the JTA transaction Agroal hands out the transaction's own connection, as for the outbox.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_IF_NEW)) {
            insert.setObject(1, id);
            insert.setString(2, mention.network().name());
            insert.setString(3, mention.externalId());
            insert.setString(4, mention.account());
            insert.setString(5, mention.authorId());
            insert.setString(6, mention.authorName());
            insert.setString(7, mention.text());
            insert.setString(8, mention.url());
            insert.setTimestamp(9, Timestamp.from(mention.mentionedAt()));
            insert.setTimestamp(10, Timestamp.from(receivedAt));
            insert.setString(11, MentionStatus.NEW.name());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store mention " + mention.network() + "/" + mention.externalId(),
                    e);
        }
    }
}
