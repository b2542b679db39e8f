package org.clearpost.events;

/** Policy 4.1: the cases in which the body always aims to answer. */
public enum ResponseReason {
    /** (a) an opportunity to raise awareness of information rights or influence organisations' practice */
    AWARENESS_OPPORTUNITY,
    /** (b) protecting the body's reputation */
    REPUTATION_RISK,
    /** (c) the theme of many comments */
    REPEATED_THEME
}
