package org.clearpost.monitoring.triage;

/** Fired inside a transaction that changed triage rules or author lists; observed after it commits. */
public record TriageChanged() {
}
