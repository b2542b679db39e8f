package org.clearpost.drafting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    private static final UUID MEDIA = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID OTHER_MEDIA = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private static PostContent content(String text, List<String> parts, PostContent.TargetContent target,
            String campaign, Instant at) {
        return new PostContent(text, parts, List.of(target, PostContent.TargetContent.plain(Network.FACEBOOK, "1")),
                campaign, null, null, null, null, at);
    }

    private static PostContent.TargetContent x(String text, List<UUID> media, String title) {
        return new PostContent.TargetContent(Network.X, "ico", text, title, media, null, null);
    }

    @Test
    void theSameContentHasTheSameHash() {
        PostContent one = content("Hello", List.of(), x(null, List.of(MEDIA), null), null, null);
        assertThat(ContentHash.of(one)).isEqualTo(ContentHash.of(content("Hello", List.of(),
                x(null, List.of(MEDIA), null), null, null))).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void everythingPublishedChangesTheHash() {
        PostContent base = content("Hello", List.of("Part 2"), x(null, List.of(MEDIA, OTHER_MEDIA), null), null,
                null);
        String hash = ContentHash.of(base);
        assertThat(List.of(
                content("Hello!", List.of("Part 2"), x(null, List.of(MEDIA, OTHER_MEDIA), null), null, null),
                content("Hello", List.of("Part 3"), x(null, List.of(MEDIA, OTHER_MEDIA), null), null, null),
                content("Hello", List.of("Part 2"), x("Hi X", List.of(MEDIA, OTHER_MEDIA), null), null, null),
                content("Hello", List.of("Part 2"), x(null, List.of(OTHER_MEDIA, MEDIA), null), null, null),
                content("Hello", List.of("Part 2"), x(null, List.of(MEDIA, OTHER_MEDIA), null), "a-campaign", null),
                content("Hello", List.of("Part 2"), x(null, List.of(MEDIA, OTHER_MEDIA), null), null,
                        Instant.parse("2027-01-01T10:00:00Z"))))
                .extracting(ContentHash::of).doesNotContain(hash).doesNotHaveDuplicates();
    }

    @Test
    void valuesCannotRunTogether() {
        assertThat(ContentHash.of(content("ab", List.of("c"), x(null, List.of(), null), null, null)))
                .isNotEqualTo(ContentHash.of(content("a", List.of("bc"), x(null, List.of(), null), null, null)));
    }
}
