package org.clearpost.sandbox.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostFactoryTest {

    private static final String DID = "did:plc:clearpostsandboxbody2acc";
    private static final String HANDLE = "clearpost-sandbox.bsky.social";
    private final PostFactory factory = new PostFactory(new ObjectMapper(), DID, HANDLE);

    @Test
    void facetsCoverTheirTextInUtf8BytesWhateverComesBefore() {
        Random random = new Random(7);
        int mentions = 0;
        for (int i = 0; i < 500; i++) {
            BlueskyPost post = factory.create(1_764_000_000_000_000L + i, 0.7, random);
            byte[] text = post.record().path("text").asText().getBytes(StandardCharsets.UTF_8);
            for (JsonNode facet : post.record().path("facets")) {
                int start = facet.path("index").path("byteStart").asInt();
                int end = facet.path("index").path("byteEnd").asInt();
                String covered = new String(Arrays.copyOfRange(text, start, end), StandardCharsets.UTF_8);
                JsonNode feature = facet.path("features").get(0);
                switch (feature.path("$type").asText()) {
                    case "app.bsky.richtext.facet#mention" -> {
                        assertThat(covered).isEqualTo("@" + HANDLE);
                        assertThat(feature.path("did").asText()).isEqualTo(DID);
                        mentions++;
                    }
                    case "app.bsky.richtext.facet#tag" -> assertThat(covered).isEqualTo("#" + feature.path("tag").asText());
                    case "app.bsky.richtext.facet#link" -> assertThat(feature.path("uri").asText()).endsWith(covered);
                    default -> throw new AssertionError("unexpected facet " + facet);
                }
            }
            assertThat(post.mention()).isEqualTo(post.reason() != null);
        }
        assertThat(mentions).isBetween(200, 350);
    }

    @Test
    void textWithMultibyteCharactersBeforeTheMentionShiftsItsByteOffsetsPastItsCharOffsets() {
        Random random = new Random(1);
        boolean shifted = false;
        for (int i = 0; i < 200 && !shifted; i++) {
            BlueskyPost post = factory.create(1_764_000_000_000_000L + i, 1.0, random);
            String text = post.record().path("text").asText();
            for (JsonNode facet : post.record().path("facets")) {
                int charStart = text.indexOf("@" + HANDLE);
                shifted |= charStart >= 0 && facet.path("index").path("byteStart").asInt() > charStart;
            }
        }
        assertThat(shifted).as("some mention follows emoji or accented text").isTrue();
    }

    @Test
    void recordKeysAreSortableTidsAndUpdatesKeepTheKeyWithANewCid() {
        String earlier = PostFactory.tid(1_764_000_000_000_000L, 5);
        String later = PostFactory.tid(1_764_000_000_000_001L, 0);
        assertThat(earlier).hasSize(13).matches("[2-7a-z]{13}");
        assertThat(later).isGreaterThan(earlier);

        BlueskyPost post = factory.create(1_764_000_000_000_000L, 1.0, new Random(3));
        BlueskyPost update = factory.update(post, 1_764_000_000_000_100L);
        assertThat(update.uri()).isEqualTo(post.uri());
        assertThat(update.cid()).isNotEqualTo(post.cid()).startsWith("bafyrei").hasSize(59);
        assertThat(update.operation()).isEqualTo("update");
    }

    @Test
    void authorsAreManyDistinctDids() {
        Random random = new Random(11);
        Set<String> dids = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            dids.add(factory.create(1_764_000_000_000_000L + i, 0.5, random).did());
        }
        assertThat(dids).hasSizeGreaterThan(100).allMatch(d -> d.matches("did:plc:[a-z2-7]{24}"));
    }
}
