package org.clearpost.monitoring.reply;

/**
 * Where a reply's post is, as drafting, clearance and the publisher report it. The rank orders the states one post
 * version passes through, so that events of one version read from three topics in any order leave the latest state.
 */
public enum ReplyState {
    /** Asked for in the inbox; drafting has not submitted the post yet. */
    REQUESTED(0),
    /** Drafting submitted a version to clearance. */
    DRAFTED(1),
    CLEARED(2),
    REJECTED(2),
    CHANGES_REQUESTED(2),
    PUBLISHED(3),
    FAILED(3),
    /** The drafter withdrew the post. */
    WITHDRAWN(3);

    private final int rank;

    ReplyState(int rank) {
        this.rank = rank;
    }

    /**
     * Whether an event of {@code eventVersion} moving to this state supersedes {@code current} of
     * {@code currentVersion}: a newer version always does, the same version only further along, an older never.
     */
    public boolean supersedes(ReplyState current, int currentVersion, int eventVersion) {
        return eventVersion > currentVersion || eventVersion == currentVersion && rank > current.rank;
    }
}
