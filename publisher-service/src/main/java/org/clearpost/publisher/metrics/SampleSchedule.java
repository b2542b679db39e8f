package org.clearpost.publisher.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostMetricsSampled;
import org.clearpost.events.PostPublished;
import org.clearpost.publisher.domain.AccountService;
import org.clearpost.publisher.tokens.AccessToken;
import org.clearpost.publisher.tokens.TokenDecryptionException;
import org.clearpost.support.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * The metrics samples of published targets, in SQL. Samples are scheduled in the transaction that records the
 * PostPublished (the ledger announces it as a CDI event, so the ledger knows nothing of metrics), claimed with SKIP
 * LOCKED and committed before the network is called, and recorded with their PostMetricsSampled in one transaction.
 */
@ApplicationScoped
public class SampleSchedule {

    private static final Logger LOG = Logger.getLogger(SampleSchedule.class);
    static final Duration PRIVATE_METRICS_WINDOW = Duration.ofDays(30);

    // A pure repost on X answers the reposted post's id: its metrics are that post's, counted already (or not ours).
    private static final String PUBLICATION = """
            SELECT p.id, c.campaign,
                   EXISTS (SELECT 1 FROM publication o WHERE o.network = p.network AND o.external_id = p.external_id
                             AND o.id <> p.id) AS shared_id
            FROM publication p
            LEFT JOIN post_campaign c ON c.post_id = p.post_id AND c.version = p.version
            WHERE p.post_id = ? AND p.version = ? AND p.target_id = ?""";

    private static final String INSERT_SAMPLE = """
            INSERT INTO metrics_sample (id, publication_id, post_id, version, target_id, network, account,
                                        external_id, campaign, published_at, sample_age, due_at, status, attempts,
                                        created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DUE', 0, ?, ?)
            ON CONFLICT (publication_id, sample_age) DO NOTHING""";

    private static final String REMEMBER_CAMPAIGN = """
            INSERT INTO post_campaign (post_id, version, campaign) VALUES (?, ?, ?)
            ON CONFLICT (post_id, version) DO NOTHING""";

    // Due samples, and those whose reader stopped mid-call (a read is safe to repeat), oldest first.
    private static final String NEXT_DUE = """
            SELECT * FROM metrics_sample
            WHERE (status = 'DUE' AND due_at <= ?) OR (status = 'SAMPLING' AND claimed_at < ?)
            ORDER BY due_at
            LIMIT 1
            FOR UPDATE SKIP LOCKED""";

    private static final String CLAIM = """
            UPDATE metrics_sample SET status = 'SAMPLING', attempts = attempts + 1, claim_id = ?, claimed_at = ?,
                   updated_at = ?
            WHERE id = ?""";

    // Only the claim that is still current records: a claim taken over after the in-flight timeout records nothing.
    private static final String SAMPLED = """
            UPDATE metrics_sample SET status = 'SAMPLED', sampled_at = ?, metrics = ?, failure_reason = NULL,
                   claim_id = NULL, updated_at = ?
            WHERE id = ? AND claim_id = ? AND status = 'SAMPLING'""";

    private static final String RETRY = """
            UPDATE metrics_sample SET status = 'DUE', due_at = ?, failure_reason = ?, claim_id = NULL, updated_at = ?
            WHERE id = ? AND claim_id = ? AND status = 'SAMPLING'""";

    private static final String GIVE_UP = """
            UPDATE metrics_sample SET status = 'GIVEN_UP', failure_reason = ?, claim_id = NULL, updated_at = ?
            WHERE id = ? AND claim_id = ? AND status = 'SAMPLING'""";

    // At the claim, in the transaction holding the row's lock.
    private static final String GIVE_UP_UNCLAIMED = """
            UPDATE metrics_sample SET status = 'GIVEN_UP', failure_reason = ?, updated_at = ? WHERE id = ?""";

    private static final String GIVE_UP_LATER = """
            UPDATE metrics_sample SET status = 'GIVEN_UP', failure_reason = ?, updated_at = ?
            WHERE publication_id = (SELECT publication_id FROM metrics_sample WHERE id = ?) AND status = 'DUE'""";

    private static final String WITHDRAWN = "SELECT metric, message FROM withdrawn_metric WHERE network = ?";

    private static final String REMEMBER_WITHDRAWN = """
            INSERT INTO withdrawn_metric (network, metric, message, detected_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (network, metric) DO NOTHING""";

    private final DataSource dataSource;
    private final Outbox outbox;
    private final AccountService accounts;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final MetricsConfig config;
    private final Set<Network> sampled = EnumSet.noneOf(Network.class);
    private final Map<String, String> configuredWithdrawn = new LinkedHashMap<>();

    public SampleSchedule(DataSource dataSource, Outbox outbox, AccountService accounts, Clock clock,
            ObjectMapper mapper, MetricsConfig config, Instance<MetricsReader> readers) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.accounts = accounts;
        this.clock = clock;
        this.mapper = mapper;
        this.config = config;
        if (config.sampleAges().size() != PostMetricsSampled.SAMPLE_AGES.size()) {
            throw new IllegalStateException("clearpost.publisher.metrics.sample-ages must give "
                    + PostMetricsSampled.SAMPLE_AGES.size() + " durations, one for each of "
                    + PostMetricsSampled.SAMPLE_AGES + ", not " + config.sampleAges());
        }
        readers.forEach(reader -> sampled.add(reader.network()));
        config.facebookWithdrawnMetrics().orElse(List.of())
                .forEach(m -> configuredWithdrawn.put(m, "listed in clearpost.publisher.metrics.facebook-withdrawn-metrics"));
    }

    /** Keeps the campaign of a cleared post version, so its samples can name it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void rememberCampaign(@Observes PostCleared cleared) {
        if (cleared.campaign() == null || cleared.campaign().slug() == null) {
            return;
        }
        update(REMEMBER_CAMPAIGN, cleared.postId(), cleared.version(), cleared.campaign().slug());
    }

    /** Schedules the samples of a target that has just been published, in the transaction recording it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void schedule(@Observes PostPublished published) {
        if (!sampled.contains(published.network())) {
            return;
        }
        UUID publicationId;
        String campaign;
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(PUBLICATION)) {
            select.setObject(1, published.postId());
            select.setInt(2, published.version());
            select.setObject(3, published.targetId());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    LOG.warnf("No ledger row for published target %s of post %s", published.targetId(),
                            published.postId());
                    return;
                }
                if (row.getBoolean("shared_id")) {
                    LOG.debugf("Target %s of post %s reposts a post sampled already: no samples of its own",
                            published.targetId(), published.postId());
                    return;
                }
                publicationId = row.getObject("id", UUID.class);
                campaign = row.getString("campaign");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the publication of post " + published.postId(), e);
        }
        Instant now = clock.instant();
        for (int i = 0; i < PostMetricsSampled.SAMPLE_AGES.size(); i++) {
            update(INSERT_SAMPLE, UUID.randomUUID(), publicationId, published.postId(), published.version(),
                    published.targetId(), published.network().name(), published.account(), published.externalId(),
                    campaign, published.publishedAt(), PostMetricsSampled.SAMPLE_AGES.get(i),
                    published.publishedAt().plus(config.sampleAges().get(i)), now, now);
        }
    }

    /**
     * Claims the next due sample in a transaction of its own, committed before the network is called. A sample that
     * cannot be read at all (account not connected, token unreadable) is given up here, without a call.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<SampleClaim> claimNext() {
        Instant now = clock.instant();
        SampleView due;
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(NEXT_DUE)) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setTimestamp(2, Timestamp.from(now.minus(config.inFlightTimeout())));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                due = view(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look for due metrics samples", e);
        }
        Network network = Network.valueOf(due.network());
        Optional<AccessToken> token;
        try {
            token = accounts.token(network, due.account());
        } catch (TokenDecryptionException e) {
            giveUp(due.id(), null, e.getMessage() + ": an admin must connect account " + due.account() + " on "
                    + network + " again", now);
            return Optional.of(new SampleClaim.Settled());
        }
        if (token.isEmpty()) {
            giveUp(due.id(), null, "account " + due.account() + " on " + network
                    + " is not connected: an admin must connect it", now);
            return Optional.of(new SampleClaim.Settled());
        }
        UUID claimId = UUID.randomUUID();
        update(CLAIM, claimId, now, now, due.id());
        boolean publicOnly = "30d".equals(due.sampleAge())
                || Duration.between(due.publishedAt(), now).compareTo(PRIVATE_METRICS_WINDOW) >= 0;
        SampleRequest request = new SampleRequest(due.externalId(), due.account(), token.get(), publicOnly,
                withdrawn(network));
        return Optional.of(new SampleClaim.Read(due.id(), claimId, due.postId(), due.version(), due.targetId(),
                network, due.account(), due.externalId(), due.campaign(), due.publishedAt(), due.sampleAge(),
                request));
    }

    /** Records what the network said, with the PostMetricsSampled of a taken sample, in one transaction. */
    @Transactional
    public void record(SampleClaim.Read read, SampleResult result) {
        Instant now = clock.instant();
        if (result instanceof SampleResult.Sampled sampled) {
            sampled.withdrawnNow().forEach((metric, message) -> {
                LOG.warnf("%s no longer gives the metric %s (%s): it will not be asked for again", read.network(),
                        metric, message);
                update(REMEMBER_WITHDRAWN, read.network().name(), metric, message, now);
            });
            if (update(SAMPLED, now, json(sampled.metrics()), now, read.sampleId(), read.claimId()) == 1) {
                outbox.append(new PostMetricsSampled(read.postId(), read.version(), read.targetId(), read.network(),
                        read.account(), read.externalId(), read.campaign(), read.publishedAt(), read.sampleAge(),
                        sampled.metrics(), sampled.unavailable(), now));
            } else {
                LOG.warnf("Sample %s was taken over by another reader: its result is not recorded twice",
                        read.sampleId());
            }
        } else if (result instanceof SampleResult.Retry retry) {
            Instant next = nextAttempt(attempts(read.sampleId()), now, retry.notBefore());
            LOG.infof("Metrics sample %s (%s of %s %s) will be read again at %s: %s", read.sampleId(),
                    read.sampleAge(), read.network(), read.externalId(), next, retry.reason());
            update(RETRY, next, retry.reason(), now, read.sampleId(), read.claimId());
        } else if (result instanceof SampleResult.GiveUp giveUp) {
            giveUp(read.sampleId(), read.claimId(), giveUp.reason(), now);
            if (giveUp.postGone()) {
                update(GIVE_UP_LATER, giveUp.reason(), now, read.sampleId());
            }
        }
    }

    /** Every sample of a post, by version, target and age. */
    @Transactional
    public List<SampleView> forPost(UUID postId) {
        List<SampleView> views = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT * FROM metrics_sample WHERE post_id = ? ORDER BY version, target_id, due_at")) {
            select.setObject(1, postId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    views.add(view(row));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the metrics samples of post " + postId, e);
        }
        return views;
    }

    /** Backoff from the first retry delay, doubling, capped; never before the network said. */
    Instant nextAttempt(int attemptsMade, Instant now, Instant notBefore) {
        Duration delay = config.retryDelay();
        for (int i = 1; i < attemptsMade && delay.compareTo(config.maxRetryDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        Instant backoff = now.plus(delay.compareTo(config.maxRetryDelay()) < 0 ? delay : config.maxRetryDelay());
        return notBefore != null && notBefore.isAfter(backoff) ? notBefore : backoff;
    }

    private void giveUp(UUID sampleId, UUID claimId, String reason, Instant now) {
        LOG.infof("Metrics sample %s given up: %s", sampleId, reason);
        if (claimId == null) {
            update(GIVE_UP_UNCLAIMED, reason, now, sampleId);
        } else {
            update(GIVE_UP, reason, now, sampleId, claimId);
        }
    }

    private int attempts(UUID sampleId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT attempts FROM metrics_sample WHERE id = ?")) {
            select.setObject(1, sampleId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read sample " + sampleId, e);
        }
    }

    private Map<String, String> withdrawn(Network network) {
        Map<String, String> withdrawn = new LinkedHashMap<>();
        if (network == Network.FACEBOOK) {
            withdrawn.putAll(configuredWithdrawn);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(WITHDRAWN)) {
            select.setString(1, network.name());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    withdrawn.put(row.getString(1), row.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the withdrawn metrics of " + network, e);
        }
        return withdrawn;
    }

    private static SampleView view(ResultSet row) throws SQLException {
        return new SampleView(row.getObject("id", UUID.class), row.getObject("post_id", UUID.class),
                row.getInt("version"), row.getObject("target_id", UUID.class), row.getString("network"),
                row.getString("account"), row.getString("external_id"), row.getString("campaign"),
                instant(row.getTimestamp("published_at")), row.getString("sample_age"),
                instant(row.getTimestamp("due_at")), row.getString("status"), row.getInt("attempts"),
                instant(row.getTimestamp("sampled_at")), row.getString("metrics"), row.getString("failure_reason"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof Instant instant) {
                    statement.setTimestamp(i + 1, Timestamp.from(instant));
                } else if (p == null) {
                    // Only text columns take a null here (a post without campaign).
                    statement.setNull(i + 1, java.sql.Types.VARCHAR);
                } else {
                    statement.setObject(i + 1, p);
                }
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Metrics sample statement failed", e);
        }
    }

    private String json(Map<String, Long> metrics) {
        try {
            return mapper.writeValueAsString(new java.util.TreeMap<>(metrics));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write metrics", e);
        }
    }
}
