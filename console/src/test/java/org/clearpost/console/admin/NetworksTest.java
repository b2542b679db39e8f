package org.clearpost.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworksTest {

    @Test
    void everyNetworkButBlueskyIsConnectedThroughItsConsentPage() {
        assertThat(Networks.oauth()).hasSize(8).doesNotContain(Networks.BLUESKY).contains(Networks.X);
        assertThat(Networks.byKey(" linkedin ")).contains(Networks.LINKEDIN);
        assertThat(Networks.shownAs("YOUTUBE")).isEqualTo("YouTube");
        assertThat(Networks.shownAs("MYSPACE")).isEqualTo("MYSPACE");
    }
}
