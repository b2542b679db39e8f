package org.clearpost.monitoring.query;

/** Fired (CDI) inside the transaction that changed a tracked query; observers act after it commits. */
public record TrackedQueriesChanged() {
}
