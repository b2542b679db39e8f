package org.clearpost.monitoring.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.monitoring.reply.ReplyState.CHANGES_REQUESTED;
import static org.clearpost.monitoring.reply.ReplyState.CLEARED;
import static org.clearpost.monitoring.reply.ReplyState.DRAFTED;
import static org.clearpost.monitoring.reply.ReplyState.FAILED;
import static org.clearpost.monitoring.reply.ReplyState.PUBLISHED;
import static org.clearpost.monitoring.reply.ReplyState.REJECTED;
import static org.clearpost.monitoring.reply.ReplyState.REQUESTED;

import org.junit.jupiter.api.Test;

/** Events of one post read from three topics in any order leave the reply in the latest state. */
class ReplyStateTest {

    @Test
    void oneVersionOnlyMovesForward() {
        assertThat(DRAFTED.supersedes(REQUESTED, 0, 1)).isTrue();
        assertThat(CLEARED.supersedes(DRAFTED, 1, 1)).isTrue();
        assertThat(PUBLISHED.supersedes(CLEARED, 1, 1)).isTrue();
        // Read late: the decision and the submission of a version already published.
        assertThat(CLEARED.supersedes(PUBLISHED, 1, 1)).isFalse();
        assertThat(DRAFTED.supersedes(CLEARED, 1, 1)).isFalse();
        // A repeat, and a second outcome of the same rank.
        assertThat(PUBLISHED.supersedes(PUBLISHED, 1, 1)).isFalse();
        assertThat(FAILED.supersedes(PUBLISHED, 1, 1)).isFalse();
    }

    @Test
    void aDecisionReadBeforeItsSubmissionStands() {
        assertThat(REJECTED.supersedes(REQUESTED, 0, 1)).isTrue();
        assertThat(DRAFTED.supersedes(REJECTED, 1, 1)).isFalse();
    }

    @Test
    void aNewerVersionAlwaysSupersedesAndAnOlderNever() {
        assertThat(DRAFTED.supersedes(CHANGES_REQUESTED, 1, 2)).isTrue();
        assertThat(DRAFTED.supersedes(PUBLISHED, 1, 2)).isTrue();
        assertThat(REJECTED.supersedes(DRAFTED, 2, 1)).isFalse();
        assertThat(PUBLISHED.supersedes(DRAFTED, 2, 1)).isFalse();
    }
}
