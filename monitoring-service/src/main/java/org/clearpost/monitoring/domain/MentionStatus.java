package org.clearpost.monitoring.domain;

/** Where a mention stands in the inbox. */
public enum MentionStatus {
    NEW
}
