package org.clearpost.events;

/** How soon a mention needs a response (triage's outcome; the SLA's due time depends on it). */
public enum MentionPriority {
    CRITICAL, HIGH, MEDIUM, LOW
}
