package org.clearpost.publisher.oauth;

import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.clearpost.events.AccountRef;
import org.clearpost.publisher.config.OAuthConfig;
import org.clearpost.publisher.domain.AccountService;
import org.clearpost.publisher.domain.RefreshClaim;
import org.clearpost.publisher.domain.TokenRefreshWanted;
import org.clearpost.publisher.oauth.AuthorizationFlow.AuthorizationRefused;
import org.clearpost.publisher.tokens.Credentials;
import org.clearpost.support.reliability.Backoff;
import org.clearpost.support.reliability.TransientFailures;
import org.jboss.logging.Logger;

/**
 * Refreshes access tokens before they expire, on its own thread: claim (committed, so no other replica spends the
 * same single-use refresh token), call the network (no transaction), record (the new access token and the refresh
 * token replacing the spent one, in one transaction on the locked account row). A publication due on an expired token
 * asks for its account at once ({@link TokenRefreshWanted}).
 */
@ApplicationScoped
public class TokenRefresher {

    private static final Logger LOG = Logger.getLogger(TokenRefresher.class);
    private static final Backoff RECORD_BACKOFF = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5));
    private static final int RECORD_TRIES = 20;

    private final AccountService accounts;
    private final List<AuthorizationFlow> flows;
    private final OAuthConfig config;
    private ScheduledExecutorService executor;

    TokenRefresher(AccountService accounts, @All List<AuthorizationFlow> flows, OAuthConfig config) {
        this.accounts = accounts;
        this.flows = flows;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "token-refresher"));
        executor.scheduleWithFixedDelay(this::round, 0, config.refreshInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdown();
        }
    }

    /** Observed inside the claim's transaction: it only queues the refresh, which runs on this thread. */
    void wanted(@Observes TokenRefreshWanted wanted) {
        if (executor == null) {
            return;
        }
        try {
            executor.execute(() -> refresh(new AccountRef(wanted.network(), wanted.account())));
        } catch (RejectedExecutionException e) {
            LOG.debugf("Stopping: no refresh of %s %s", wanted.network(), wanted.account());
        }
    }

    private void round() {
        try {
            accounts.expiring(config.refreshLead(), config.refreshClaimTimeout()).forEach(this::refresh);
        } catch (RuntimeException e) {
            // An exception would end the executor's schedule for good: log it and try again on the next round.
            LOG.errorf(e, "Token refresh stopped for this round");
        }
    }

    private void refresh(AccountRef ref) {
        Optional<AuthorizationFlow> flow = flows.stream().filter(f -> f.network() == ref.network()).findFirst();
        if (flow.isEmpty()) {
            return;
        }
        Optional<RefreshClaim> claim;
        try {
            claim = accounts.claimRefresh(ref.network(), ref.account(), config.refreshLead(),
                    config.refreshClaimTimeout());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Cannot claim the token refresh of %s account %s", ref.network(), ref.account());
            return;
        }
        if (claim.isEmpty()) {
            return;
        }
        try {
            Optional<Credentials> fresh = flow.get().refresh(claim.get().current());
            if (fresh.isPresent()) {
                record(claim.get(), fresh.get());
            } else {
                accounts.releaseRefresh(claim.get());
            }
        } catch (AuthorizationRefused e) {
            // invalid_grant: the grant is gone (revoked, expired, or the refresh token already spent). Only the
            // network saying so makes an account need a reconnect.
            accounts.needsReconnect(ref.network(), ref.account(), e.getMessage());
        } catch (RuntimeException e) {
            // The network could not be asked, or its answer was lost. In the second case a single-use refresh token
            // may be spent already without us holding its successor: the next try then gets invalid_grant and the
            // account needs a reconnect. Nothing better is possible; until the network says so, we try again.
            LOG.warnf("Cannot refresh the token of %s account %s yet: %s", ref.network(), ref.account(),
                    e.getMessage());
            releaseQuietly(claim.get());
        }
    }

    /**
     * Stores the answer, waiting out a database that is away: the network has spent the old refresh token, so the
     * new one exists only in this memory until it commits.
     */
    private void record(RefreshClaim claim, Credentials fresh) {
        for (int retry = 1; ; retry++) {
            try {
                accounts.refreshed(claim, fresh);
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || retry >= RECORD_TRIES) {
                    LOG.errorf("Cannot store the refreshed token of %s account %s (%s): the next refresh will get "
                            + "invalid_grant and the account will need a reconnect", claim.network(),
                            claim.account(), e.getClass().getSimpleName());
                    throw e;
                }
                try {
                    Thread.sleep(RECORD_BACKOFF.delay(retry).toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void releaseQuietly(RefreshClaim claim) {
        try {
            accounts.releaseRefresh(claim);
        } catch (RuntimeException e) {
            LOG.warnf("Cannot release the refresh claim of %s account %s: it lapses after %s", claim.network(),
                    claim.account(), config.refreshClaimTimeout());
        }
    }
}
