package org.clearpost.support.reliability;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.clearpost.events.MalformedEventException;

/**
 * Tells a failure that will go away by itself (the database or the broker is away, a transaction lost a
 * serialization or deadlock race) from one that will not. Consumers retry the first kind and dead-letter the second;
 * REST endpoints answer the first kind with 503 and Retry-After.
 *
 * <p>The whole cause chain is read, because the useful exception is usually wrapped (Hibernate's
 * JDBCConnectionException, the inbox's IllegalStateException, Narayana's rollback). A {@link MalformedEventException}
 * anywhere in the chain wins: a record that cannot be read stays unreadable however often it is retried.
 */
public final class TransientFailures {

    /**
     * PostgreSQL SQLStates (https://www.postgresql.org/docs/current/errcodes-appendix.html) that say "try again":
     * class 08 connection exceptions, 40001 serialization failure, 40P01 deadlock, 55P03 lock not available,
     * class 53 insufficient resources (too many connections, out of memory or disk), 57P01-57P05 the server shutting
     * down, restarting after a crash or not yet accepting connections.
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03",
            "57P05");
    private static final Set<String> TRANSIENT_STATE_CLASSES = Set.of("08", "53");

    /**
     * Matched by name so that service-support need not depend on Hibernate or Kafka's client internals: optimistic
     * and pessimistic lock conflicts, Agroal's pool, Kafka's own "retriable" errors (a broker away or electing).
     */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "jakarta.persistence.OptimisticLockException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.QueryTimeoutException",
            "org.hibernate.StaleStateException",
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.DisconnectException");

    /** Agroal's "Acquisition timeout while waiting for new connection" carries no SQLState, only this text. */
    private static final String AGROAL_ACQUISITION_TIMEOUT = "acquisition timeout";

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        boolean transientCause = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        // Causes and suppressed exceptions both: a commit that fails as the database dies surfaces as Narayana's
        // RollbackException, which has no cause and carries the XAException (and under it the PostgreSQL I/O error)
        // as a suppressed exception. Retrying it is safe: the consumer's inbox skips the record if the commit had
        // in fact gone through.
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.pop();
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (t instanceof MalformedEventException) {
                return false;
            }
            transientCause |= isTransientItself(t);
            if (t.getCause() != null) {
                pending.push(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                pending.push(suppressed);
            }
        }
        return transientCause;
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof ConnectException || t instanceof NoRouteToHostException
                || t instanceof SocketTimeoutException || t instanceof TimeoutException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && state.length() == 5
                    && (TRANSIENT_STATES.contains(state) || TRANSIENT_STATE_CLASSES.contains(state.substring(0, 2)))) {
                return true;
            }
            String message = sql.getMessage();
            if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains(AGROAL_ACQUISITION_TIMEOUT)) {
                return true;
            }
        }
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
