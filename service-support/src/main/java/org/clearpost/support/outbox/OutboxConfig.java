package org.clearpost.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "clearpost.outbox")
public interface OutboxConfig {

    /** How often the relay looks for new outbox rows when it found none last time. */
    @WithDefault("100ms")
    Duration pollInterval();

    /**
     * Rows relayed per transaction: sent together, one flush, one delete. Bigger batches amortise the round trips
     * to the database and the broker (200 gave about 3,000 events/s; figures in docs/figures.md, "Outbox relay").
     */
    @WithDefault("2000")
    int batchSize();

    /**
     * Relay threads per replica. Each owns the aggregate keys whose {@code hashtext(aggregateid)} modulo this number
     * is its slot, under a PostgreSQL advisory lock of that slot, so one key is only ever relayed by one thread at a
     * time (in order) while different keys go out in parallel. Every replica of a service must use the same value.
     * One by default: on two cores shared with PostgreSQL and the broker, more slots measured no faster (each slot's
     * read skips the other slots' rows); more pays where the relay waits on a remote database and broker.
     */
    @WithDefault("1")
    int relays();

    /** How long the relay waits for Kafka to acknowledge a batch before retrying it. */
    @WithDefault("30s")
    Duration sendTimeout();
}
