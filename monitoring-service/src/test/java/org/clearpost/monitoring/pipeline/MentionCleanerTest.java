package org.clearpost.monitoring.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.junit.jupiter.api.Test;

/** Cleaning and the own-account rule, plain JUnit. */
class MentionCleanerTest {

    private static NormalisedMention mention(Network network, String account, String text, List<String> handles) {
        return new NormalisedMention(network, "1\u0000", List.of("\uD800", "2"), account, "a", "handle", "Name",
                text, "https://x.com/i/1", "en", List.of("ico"), handles, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void everyFieldLosesNulAndLoneSurrogatesAndTextIsCutToTheNetworksMaximumNeverInsideAPair() {
        String text = "a".repeat(24_999) + "\uD83D\uDE00" + "b".repeat(10);
        NormalisedMention cleaned = MentionCleaner.clean(mention(Network.X, "ico\u0000", text, List.of()));
        assertThat(cleaned.externalId()).isEqualTo("1");
        assertThat(cleaned.aliasIds()).containsExactly("2");
        assertThat(cleaned.account()).isEqualTo("ico");
        // 25,000 would split the emoji's surrogate pair: the cut stops before it.
        assertThat(cleaned.text()).hasSize(24_999).isEqualTo("a".repeat(24_999));
        assertThat(MentionCleaner.clean(mention(Network.THREADS, null, "x".repeat(1_000_000), List.of())).text())
                .hasSize(500);
    }

    @Test
    void anOwnAccountIsTheNormalisersWhenTheNetworkHasNoListElseOneOnTheList() {
        OwnAccounts own = new OwnAccounts(Map.of("x", "ICOnews, @clearpost_demo"));
        assertThat(own.of(mention(Network.X, "clearpost_demo", "", List.of()))).contains("clearpost_demo");
        assertThat(own.of(mention(Network.X, "someone_else", "", List.of("@ICONEWS")))).contains("@ICONEWS");
        assertThat(own.of(mention(Network.X, null, "", List.of("nobody")))).isEmpty();
        assertThat(own.of(mention(Network.MASTODON, "ico@mastodon.social", "", List.of())))
                .contains("ico@mastodon.social");
        assertThat(own.of(mention(Network.MASTODON, null, "", List.of("ico")))).isEmpty();
    }
}
