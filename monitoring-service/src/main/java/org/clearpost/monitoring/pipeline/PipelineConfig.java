package org.clearpost.monitoring.pipeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The pipeline over the raw-mentions topic. */
@ConfigMapping(prefix = "clearpost.monitoring.pipeline")
public interface PipelineConfig {

    /** Consumer threads of this replica (each a member of the group; at most one per raw-mentions partition works). */
    @WithDefault("1")
    int consumers();

    /** Records per poll, so per database transaction and per Kafka transaction. */
    @WithDefault("2000")
    int maxPollRecords();

    /**
     * The body's own accounts per network (key: the network in lower case; value: handles or ids, comma-separated,
     * compared without a leading '@' and case-insensitively). A mention naming one of them (as the account it replies
     * to, or among the accounts it mentions) is kept whether or not a tracked query matches. A network with no list
     * trusts its normaliser: a mention it gives an account to is an own-account mention.
     */
    Map<String, String> ownAccounts();

    /** First and longest wait before a batch whose storing or announcing failed is tried again. */
    @WithDefault("100ms")
    Duration retryFirst();

    @WithDefault("10s")
    Duration retryMax();

    /** Producer {@code linger.ms} for the announcements. */
    @WithDefault("5")
    int lingerMs();

    /** The broker aborts a pipeline transaction left open this long (a consumer that died mid-announce). */
    @WithDefault("30s")
    Duration transactionTimeout();
}
