package org.clearpost.publisher.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.clearpost.publisher.network.BlueskyFacets.Facet;
import org.clearpost.publisher.network.BlueskyFacets.Kind;
import org.junit.jupiter.api.Test;

/** Facet spans are UTF-8 byte offsets (what Bluesky counts), never UTF-16 char indexes. */
class BlueskyFacetsTest {

    @Test
    void anEmojiBeforeATagMovesItByFourBytesNotTwoChars() {
        // 🎉 is U+1F389: 2 Java chars, 4 UTF-8 bytes; the space makes 5.
        assertThat(BlueskyFacets.detect("🎉 #bins")).containsExactly(new Facet(Kind.TAG, 5, 10, "bins"));
    }

    @Test
    void accentsAndCjkCountTheirBytes() {
        // "Café " is 6 bytes (é is 2), "こんにちは " is 16 (3 per kana), so the mention starts at byte 22.
        List<Facet> facets = BlueskyFacets.detect("Café こんにちは @alice.bsky.social thanks");
        assertThat(facets).containsExactly(new Facet(Kind.MENTION, 22, 40, "alice.bsky.social"));
    }

    @Test
    void linkMentionAndTagAfterEmojiCoverExactlyTheirText() {
        String text = "👋🏽 Rates for 2025 (see https://council.example/rates), ask @resident7.bsky.social. #CouncilTax!";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);

        List<Facet> facets = BlueskyFacets.detect(text);

        assertThat(facets).extracting(Facet::kind).containsExactly(Kind.LINK, Kind.MENTION, Kind.TAG);
        assertThat(facets).extracting(f -> new String(Arrays.copyOfRange(utf8, f.byteStart(), f.byteEnd()),
                StandardCharsets.UTF_8)).containsExactly("https://council.example/rates", "@resident7.bsky.social",
                "#CouncilTax");
        assertThat(facets).extracting(Facet::value).containsExactly("https://council.example/rates",
                "resident7.bsky.social", "CouncilTax");
        // The skin-toned wave is 8 bytes but 4 chars: byte and char offsets differ from the first facet on.
        assertThat(facets.get(0).byteStart()).isEqualTo(text.indexOf("https") + 4);
    }

    @Test
    void notFacets() {
        assertThat(BlueskyFacets.detect("email me@example.com, issue #123, price#tag, @nodot and example.com"))
                .isEmpty();
    }

    @Test
    void theRecordKeyIsATidFixedByTheStepKey() {
        String key = PublishRequest.stepKey(java.util.UUID.randomUUID(), 0);
        String tid = BlueskyTid.fromStepKey(key);
        assertThat(tid).matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}")
                .isEqualTo(BlueskyTid.fromStepKey(key))
                .isNotEqualTo(BlueskyTid.fromStepKey(PublishRequest.stepKey(java.util.UUID.randomUUID(), 0)));
    }
}
