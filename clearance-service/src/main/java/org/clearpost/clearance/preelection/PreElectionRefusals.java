package org.clearpost.clearance.preelection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.clearpost.events.PreElectionRefused;
import org.clearpost.support.outbox.Outbox;

/**
 * Puts a pre-election refusal on record although the approval it refuses fails: the refusal is a 409 that rolls the
 * approval's transaction back, so its event goes through the outbox in a transaction of its own, committed before the
 * 409 is thrown. Only the outbox row is written there: the approval's transaction still holds the case's row lock and
 * may hold the audit chain's, which a second transaction must not wait for (the refused attempt is audited after the
 * rollback, by {@code RefusedDecisions}).
 */
@ApplicationScoped
public class PreElectionRefusals {

    private final Outbox outbox;

    public PreElectionRefusals(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Commits {@code refused} whatever becomes of the caller's transaction. A failure to record it (the database
     * away) propagates: the approval then fails as unavailable rather than refused, and is refused, and recorded,
     * when tried again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(PreElectionRefused refused) {
        outbox.append(refused);
    }
}
