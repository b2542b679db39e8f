package org.clearpost.publisher.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clearpost.events.Network;
import org.clearpost.publisher.config.BudgetsConfig;

/**
 * The configured rate budgets, checked at claim time against the posts the ledger says were made: the ledger is the
 * only counter (live_at of each publication whose post went live), so a budget survives restarts and is shared by
 * replicas.
 */
@ApplicationScoped
public class RateBudgets {

    // The posts made in the window: of one account, or (app budget) of every account of the network.
    private static final String IN_WINDOW = "FROM publication WHERE network = :network AND live_at > :since";
    private static final String OF_ACCOUNT = " AND account = :account";
    private static final String MADE = "SELECT count(*) ";
    private static final String OLDEST_OF_LAST = "SELECT live_at ";
    private static final String LATEST_FIRST = " ORDER BY live_at DESC OFFSET :skip LIMIT 1";

    private final BudgetsConfig config;

    public RateBudgets(BudgetsConfig config) {
        this.config = config;
    }

    /** Whether a post of this account may go now; the latest deferral of its spent budgets if not. */
    Optional<RateBudget.Deferral> deferral(Network network, String account, Instant now) {
        RateBudget.Deferral latest = null;
        for (RateBudget budget : budgets(network)) {
            String counted = budget.scope() == RateBudget.Scope.ACCOUNT ? account : null;
            Instant since = now.minus(budget.per());
            long made = ((Number) query(MADE, "", network, counted, since).getSingleResult()).longValue();
            Instant oldest = null;
            if (made >= budget.posts()) {
                oldest = instant(query(OLDEST_OF_LAST, LATEST_FIRST, network, counted, since)
                        .setParameter("skip", budget.posts() - 1).getSingleResult());
            }
            Optional<RateBudget.Deferral> deferral = budget.check(made, oldest, now);
            if (deferral.isPresent() && (latest == null || deferral.get().until().isAfter(latest.until()))) {
                latest = deferral.get();
            }
        }
        return Optional.ofNullable(latest);
    }

    List<RateBudget> budgets(Network network) {
        List<RateBudget> budgets = new ArrayList<>();
        BudgetsConfig.NetworkBudgets configured = config.network().get(network.name().toLowerCase(Locale.ROOT));
        if (configured != null) {
            configured.account().ifPresent(w -> budgets.add(
                    new RateBudget(network, RateBudget.Scope.ACCOUNT, w.posts(), w.per())));
            configured.app().ifPresent(w -> budgets.add(
                    new RateBudget(network, RateBudget.Scope.APP, w.posts(), w.per())));
        }
        return budgets;
    }

    private static Query query(String select, String order, Network network, String account, Instant since) {
        Query query = Panache.getEntityManager()
                .createNativeQuery(select + IN_WINDOW + (account == null ? "" : OF_ACCOUNT) + order)
                .setParameter("network", network.name())
                .setParameter("since", since);
        return account == null ? query : query.setParameter("account", account);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
