package org.clearpost.drafting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostStatusTest {

    private static final Instant NOW = Instant.parse("2027-01-15T09:00:00Z");

    @Test
    void oneStatusForEveryTargetIsThePostsStatus() {
        for (TargetStatus status : List.of(TargetStatus.DRAFT, TargetStatus.IN_CLEARANCE,
                TargetStatus.CHANGES_REQUESTED, TargetStatus.CLEARED, TargetStatus.REJECTED, TargetStatus.PUBLISHED,
                TargetStatus.FAILED, TargetStatus.WITHDRAWN)) {
            assertThat(PostStatus.summarise(List.of(status, status))).hasToString(status.name());
        }
    }

    @Test
    void mixedOutcomesSummariseAsPublishingPartlyPublishedOrFailed() {
        assertThat(PostStatus.summarise(List.of(TargetStatus.CLEARED, TargetStatus.PUBLISHED)))
                .isEqualTo(PostStatus.PUBLISHING);
        assertThat(PostStatus.summarise(List.of(TargetStatus.PUBLISHED, TargetStatus.FAILED)))
                .isEqualTo(PostStatus.PARTLY_PUBLISHED);
        assertThat(PostStatus.summarise(List.of(TargetStatus.FAILED, TargetStatus.WITHDRAWN)))
                .isEqualTo(PostStatus.FAILED);
    }

    @Test
    void clearedWithATimeStillAheadShowsAsScheduled() {
        assertThat(PostStatus.CLEARED.shown(NOW.plusSeconds(60), NOW)).isEqualTo(PostStatus.SCHEDULED);
        assertThat(PostStatus.CLEARED.shown(NOW.minusSeconds(60), NOW)).isEqualTo(PostStatus.CLEARED);
        assertThat(PostStatus.CLEARED.shown(null, NOW)).isEqualTo(PostStatus.CLEARED);
        assertThat(PostStatus.IN_CLEARANCE.shown(NOW.plusSeconds(60), NOW)).isEqualTo(PostStatus.IN_CLEARANCE);
        assertThat(TargetStatus.CLEARED.shown(NOW.plusSeconds(60), NOW)).isEqualTo(TargetStatus.SCHEDULED);
    }
}
