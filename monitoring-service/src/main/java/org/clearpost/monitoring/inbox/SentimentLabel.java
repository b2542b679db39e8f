package org.clearpost.monitoring.inbox;

/** Triage's sentiment labels (VADER's compound score: ≤ -0.05 negative, ≥ 0.05 positive), for the inbox filter. */
public enum SentimentLabel {
    NEGATIVE, NEUTRAL, POSITIVE
}
