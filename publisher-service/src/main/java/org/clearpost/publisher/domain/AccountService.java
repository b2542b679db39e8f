package org.clearpost.publisher.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clearpost.events.AccountConnected;
import org.clearpost.events.AccountNeedsReconnect;
import org.clearpost.events.AccountRef;
import org.clearpost.events.Network;
import org.clearpost.publisher.tokens.AccessToken;
import org.clearpost.publisher.tokens.Credentials;
import org.clearpost.publisher.tokens.SealedToken;
import org.clearpost.publisher.tokens.TokenCipher;
import org.clearpost.support.outbox.Outbox;
import org.clearpost.support.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * The accounts the publisher may post to, and their tokens, kept sealed at rest: connected (by OAuth or a token
 * handed over), refreshed before they expire, and marked for a reconnect when the network refuses them, which holds
 * the account's publications until an admin connects it again.
 */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    /** Publications waiting for a token refresh are looked at again this soon. */
    static final Duration REFRESH_WAIT = Duration.ofSeconds(1);
    public static final String BEING_REFRESHED = "token being refreshed";

    // A held post scheduled for later keeps its time; one whose time has passed goes now.
    private static final String RELEASE_HELD = """
            UPDATE publication SET status = 'PENDING', due_at = GREATEST(due_at, :now), wait_reason = NULL,
                   updated_at = :now
            WHERE network = :network AND account = :account AND status = 'HELD'""";

    private static final String HOLD_PENDING = """
            UPDATE publication SET status = 'HELD', wait_reason = :reason, updated_at = :now
            WHERE network = :network AND account = :account AND status = 'PENDING'""";

    private static final String HOLD_ONE = """
            UPDATE publication SET status = 'HELD', wait_reason = :reason, updated_at = :now WHERE id = :id""";

    private static final String WAIT_FOR_REFRESH = """
            UPDATE publication SET due_at = :due, wait_reason = :reason, updated_at = :now WHERE id = :id""";

    private static final String COUNT_HELD = """
            SELECT count(*) FROM publication WHERE network = :network AND account = :account AND status = 'HELD'""";

    // Refreshable, usable accounts due for a refresh (see refreshDue) whose refresh nobody holds (or whose holder is
    // gone).
    private static final String EXPIRING = """
            SELECT network, account FROM connected_account
            WHERE refresh_ciphertext IS NOT NULL AND NOT needs_reconnect
              AND LEAST(expires_at - CAST(:lead AS INTERVAL),
                        COALESCE(refreshed_at, connected_at) + (expires_at - COALESCE(refreshed_at, connected_at)) / 2)
                  <= :now
              AND (refresh_claimed_at IS NULL OR refresh_claimed_at < :staleClaim)
            ORDER BY expires_at""";

    private final TokenCipher cipher;
    private final Clock clock;
    private final Outbox outbox;
    private final Event<TokenRefreshWanted> refreshWanted;

    public AccountService(TokenCipher cipher, Clock clock, Outbox outbox, Event<TokenRefreshWanted> refreshWanted) {
        this.cipher = cipher;
        this.clock = clock;
        this.outbox = outbox;
        this.refreshWanted = refreshWanted;
    }

    /** Connects the account with a token handed over by an admin, or replaces its token. */
    @Transactional
    public ConnectedAccount connect(Network network, String account, AccessToken token, String by) {
        return connect(network, account, new Credentials(token, null, null, null, null), "token", by).account();
    }

    /**
     * Connects the account (first time or again) with what the network granted, releases its held publications and
     * says so with {@link AccountConnected}, all in one transaction.
     */
    @Transactional
    public Connected connect(Network network, String account, Credentials credentials, String method, String by) {
        Instant now = clock.instant();
        Optional<ConnectedAccount> existing = lock(network, account);
        ConnectedAccount connected = existing.orElseGet(() -> new ConnectedAccount(network, account));
        SealedToken refresh = credentials.refreshToken() == null ? null
                : cipher.sealText(credentials.refreshToken(), ConnectedAccount.refreshOwner(network, account));
        connected.connect(cipher.seal(credentials.accessToken(), ConnectedAccount.owner(network, account)), refresh,
                method, by, now);
        connected.expiresAt = credentials.expiresAt();
        connected.scope = credentials.scope();
        if (refresh != null) {
            connected.refreshExpiresAt = credentials.refreshExpiresAt();
        }
        if (existing.isEmpty()) {
            connected.persist();
        }
        int released = Panache.getEntityManager().createNativeQuery(RELEASE_HELD)
                .setParameter("network", network.name())
                .setParameter("account", account)
                .setParameter("now", now)
                .executeUpdate();
        outbox.append(new AccountConnected(network, account, by, method, credentials.expiresAt(), released, now));
        LOG.infof("%s connected %s account %s (%s)%s", by, network, account, method,
                released == 0 ? "" : ": " + released + " held publication(s) released");
        return new Connected(connected, released);
    }

    /** An account just connected, and how many of its held publications went back to pending. */
    public record Connected(ConnectedAccount account, int releasedPublications) {
    }

    @Transactional
    public List<ConnectedAccount> list() {
        return ConnectedAccount.listAll(Sort.by("network").and("account"));
    }

    @Transactional
    public Optional<ConnectedAccount> get(Network network, String account) {
        return find(network, account);
    }

    @Transactional
    public void disconnect(Network network, String account, String by) {
        if (!ConnectedAccount.deleteById(new ConnectedAccount.Key(network, account))) {
            throw ProblemException.notFound(network + " account", account);
        }
        LOG.infof("%s disconnected %s account %s", by, network, account);
    }

    /** The account's token in the clear, for one call; empty when the account is not connected. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AccessToken> token(Network network, String account) {
        return find(network, account).map(a -> cipher.open(a.token(), ConnectedAccount.owner(network, account)));
    }

    /**
     * What the account's token allows now, for a publication about to be claimed. An expired token with a refresh
     * token is refreshed first: the refresher is asked at once and the caller waits (see {@link #waitForRefresh}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AccountToken tokenFor(Network network, String account) {
        Optional<ConnectedAccount> found = find(network, account);
        if (found.isEmpty()) {
            return new AccountToken.NotConnected();
        }
        ConnectedAccount connected = found.get();
        if (connected.needsReconnect) {
            return new AccountToken.NeedsReconnect(connected.reconnectReason);
        }
        if (connected.expiresAt != null && !clock.instant().isBefore(connected.expiresAt)) {
            if (connected.refreshToken() == null) {
                return new AccountToken.NeedsReconnect("the access token expired at " + connected.expiresAt
                        + " and " + network + " gave no refresh token");
            }
            refreshWanted.fire(new TokenRefreshWanted(network, account));
            return new AccountToken.BeingRefreshed();
        }
        return new AccountToken.Usable(cipher.open(connected.token(), ConnectedAccount.owner(network, account)));
    }

    /** Leaves a due publication pending a moment while its account's token is refreshed, saying so on the target. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void waitForRefresh(java.util.UUID publicationId) {
        Instant now = clock.instant();
        Panache.getEntityManager().createNativeQuery(WAIT_FOR_REFRESH)
                .setParameter("id", publicationId)
                .setParameter("due", now.plus(REFRESH_WAIT))
                .setParameter("reason", BEING_REFRESHED)
                .setParameter("now", now)
                .executeUpdate();
    }

    /**
     * Holds one publication (its account needs a reconnect) and marks the account, which holds its other pending
     * publications and, the first time, raises {@link AccountNeedsReconnect}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(java.util.UUID publicationId, Network network, String account, String reason) {
        Panache.getEntityManager().flush();
        Panache.getEntityManager().createNativeQuery(HOLD_ONE)
                .setParameter("id", publicationId)
                .setParameter("reason", waitReason(network, reason))
                .setParameter("now", clock.instant())
                .executeUpdate();
        needsReconnect(network, account, reason);
    }

    /**
     * The network refused the account's token or its refresh: the account is marked, its pending publications held
     * with the reason, and {@link AccountNeedsReconnect} raised once (until the account is connected again).
     */
    @Transactional
    public void needsReconnect(Network network, String account, String reason) {
        Instant now = clock.instant();
        Optional<ConnectedAccount> found = lock(network, account);
        var em = Panache.getEntityManager();
        em.createNativeQuery(HOLD_PENDING)
                .setParameter("network", network.name())
                .setParameter("account", account)
                .setParameter("reason", waitReason(network, reason))
                .setParameter("now", now)
                .executeUpdate();
        if (found.isEmpty() || found.get().needsReconnect) {
            return;
        }
        found.get().needsReconnect = true;
        found.get().reconnectReason = reason;
        found.get().refreshClaimedAt = null;
        int held = ((Number) em.createNativeQuery(COUNT_HELD)
                .setParameter("network", network.name())
                .setParameter("account", account)
                .getSingleResult()).intValue();
        outbox.append(new AccountNeedsReconnect(network, account, reason, held, now));
        LOG.warnf("%s account %s needs an admin to connect it again (%s): %d publication(s) held", network, account,
                reason, held);
    }

    /** Refreshable accounts due for a refresh (see {@link #refreshDue}) that no refresher holds. */
    @Transactional
    public List<AccountRef> expiring(Duration lead, Duration claimTimeout) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(EXPIRING)
                .setParameter("now", clock.instant())
                .setParameter("lead", lead.toMillis() + " milliseconds")
                .setParameter("staleClaim", clock.instant().minus(claimTimeout))
                .getResultList();
        return rows.stream().map(r -> new AccountRef(Network.valueOf((String) r[0]), (String) r[1])).toList();
    }

    /**
     * Claims the account's refresh (committed before the network is called, so two replicas never spend one
     * single-use refresh token twice); empty when it needs none any more or another refresher holds it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<RefreshClaim> claimRefresh(Network network, String account, Duration lead,
            Duration claimTimeout) {
        Instant now = clock.instant();
        Optional<ConnectedAccount> found = lock(network, account);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConnectedAccount a = found.get();
        boolean held = a.refreshClaimedAt != null && a.refreshClaimedAt.isAfter(now.minus(claimTimeout));
        if (a.needsReconnect || a.refreshToken() == null || a.expiresAt == null || !refreshDue(a, lead, now)
                || held) {
            return Optional.empty();
        }
        a.refreshClaimedAt = now;
        Credentials current = new Credentials(cipher.open(a.token(), ConnectedAccount.owner(network, account)),
                cipher.openText(a.refreshToken(), ConnectedAccount.refreshOwner(network, account)), a.expiresAt,
                a.refreshExpiresAt, a.scope);
        return Optional.of(new RefreshClaim(network, account, current, a.connectedAt, now));
    }

    /**
     * Stores a refresh's answer: the new access token and the new refresh token replacing the spent one, in one
     * transaction on the locked row, so a single-use refresh token is never lost between the two. When the network
     * gives no new refresh token, the old one stays (it is not single-use there).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refreshed(RefreshClaim claim, Credentials fresh) {
        Optional<ConnectedAccount> found = lock(claim.network(), claim.account());
        if (found.isEmpty() || !claim.connectedAt().equals(found.get().connectedAt)) {
            // Disconnected, or an admin connected it again during the call: the newer grant wins.
            LOG.infof("%s account %s was connected again during its refresh: the refresh is dropped",
                    claim.network(), claim.account());
            return;
        }
        SealedToken refresh = fresh.refreshToken() == null ? null
                : cipher.sealText(fresh.refreshToken(), ConnectedAccount.refreshOwner(claim.network(),
                        claim.account()));
        found.get().refreshed(cipher.seal(fresh.accessToken(), ConnectedAccount.owner(claim.network(),
                claim.account())), refresh, fresh.expiresAt(), clock.instant());
        if (refresh != null && fresh.refreshExpiresAt() != null) {
            found.get().refreshExpiresAt = fresh.refreshExpiresAt();
        }
        LOG.infof("%s account %s: access token refreshed, valid until %s", claim.network(), claim.account(),
                fresh.expiresAt());
    }

    /** Lets the refresh be tried again at the next round (the network could not be asked). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void releaseRefresh(RefreshClaim claim) {
        lock(claim.network(), claim.account()).filter(a -> claim.connectedAt().equals(a.connectedAt))
                .ifPresent(a -> a.refreshClaimedAt = null);
    }

    /**
     * A token is refreshed {@code lead} before it expires, or at half its life when that is sooner: a network
     * issuing short-lived tokens (the sandbox's 2 minutes) is not asked again at every round.
     */
    static boolean refreshDue(ConnectedAccount a, Duration lead, Instant now) {
        Instant issued = a.refreshedAt != null ? a.refreshedAt : a.connectedAt;
        Instant halfLife = issued.plus(Duration.between(issued, a.expiresAt).dividedBy(2));
        Instant due = a.expiresAt.minus(lead);
        return !now.isBefore(due.isBefore(halfLife) ? due : halfLife);
    }

    private static String waitReason(Network network, String reason) {
        return "account needs to be connected again: " + network + " said " + reason;
    }

    private static Optional<ConnectedAccount> find(Network network, String account) {
        return ConnectedAccount.findByIdOptional(new ConnectedAccount.Key(network, account));
    }

    private static Optional<ConnectedAccount> lock(Network network, String account) {
        return ConnectedAccount.findByIdOptional(new ConnectedAccount.Key(network, account),
                LockModeType.PESSIMISTIC_WRITE);
    }
}
