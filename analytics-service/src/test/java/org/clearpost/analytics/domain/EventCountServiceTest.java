package org.clearpost.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.ClearanceRerouted;
import org.clearpost.events.Network;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostPublished;
import org.clearpost.events.PostRejected;
import org.clearpost.events.Target;
import org.junit.jupiter.api.Test;

class EventCountServiceTest {

    @Test
    void aPostForSeveralAccountsOnOneNetworkCountsOnceForThatNetwork() {
        PostDrafted drafted = new PostDrafted(UUID.randomUUID(), 1, "sha256:x", "dana", "Hi",
                List.of(new Target(UUID.randomUUID(), Network.X, "a"), new Target(UUID.randomUUID(), Network.X, "b"),
                        new Target(UUID.randomUUID(), Network.BLUESKY, "c")), null, null, null, null, null, null, List.of(),
                Instant.now());

        assertThat(EventCountService.networksOf(drafted)).containsExactlyInAnyOrder(Network.X, Network.BLUESKY);
    }

    @Test
    void singleTargetEventsCountForTheirNetworkAndRejectionsForNone() {
        UUID post = UUID.randomUUID();
        assertThat(EventCountService.networksOf(new PostPublished(post, 1, UUID.randomUUID(), Network.FACEBOOK, "p",
                "1_2", "https://www.facebook.com/1_2", false, Instant.now()))).containsExactly(Network.FACEBOOK);
        assertThat(EventCountService.networksOf(new PostRejected(post, 1, "sha256:x", "colin", "no", Instant.now())))
                .isEmpty();
    }

    @Test
    void aReroutedCaseIsCountedByTypeButForNoNetwork() {
        assertThat(EventCountService.networksOf(new ClearanceRerouted(UUID.randomUUID(), 1, UUID.randomUUID(),
                "normal", "pre-election", "period declared", UUID.randomUUID(), Instant.now()))).isEmpty();
    }
}
