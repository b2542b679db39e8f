package org.clearpost.drafting.domain.checks;

/** What the body wants done when a content-principle check fails. */
public enum CheckMode {
    /** Not checked. */
    OFF,
    /** Shown to the drafter and carried to the clearer; submission goes ahead. */
    WARN,
    /** Stops submission, like a network's own rule. */
    BLOCK
}
