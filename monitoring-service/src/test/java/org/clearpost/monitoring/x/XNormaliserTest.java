package org.clearpost.monitoring.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.UnparseableItemException;
import org.junit.jupiter.api.Test;

class XNormaliserTest {

    private static final Instant DELIVERED = Instant.parse("2026-12-01T10:00:01Z");

    private final TestXConfig config = new TestXConfig();
    private final XNormaliser normaliser = new XNormaliser(config, new ObjectMapper());

    private static RawItem item(String payload, String account) {
        return new RawItem(Network.X, "k", "tweet", account, DELIVERED, payload);
    }

    @Test
    void anEditedPostIsOneMentionWithItsEarlierVersionsAsAliases() throws Exception {
        String line = """
                {"data":{"id":"205","text":"@clearpost_demo @other is there an update on #FOI? (edited)",
                  "author_id":"77","created_at":"2026-12-01T09:59:58.123Z","edit_history_tweet_ids":["100","150","205"],
                  "lang":"cy","entities":{"mentions":[{"start":0,"end":14,"username":"clearpost_demo","id":"1500000000000000001"},
                  {"start":15,"end":21,"username":"other","id":"5"}],"hashtags":[{"start":44,"end":48,"tag":"FOI"}]}},
                 "includes":{"users":[{"id":"76","username":"someone"},{"id":"77","name":"Resident 77","username":"resident77"}]},
                 "matching_rules":[{"id":"1","tag":"body"}]}""";

        List<NormalisedMention> mentions = normaliser.normalise(item(line, null));

        assertThat(mentions).containsExactly(new NormalisedMention(Network.X, "205", List.of("100", "150"),
                "ClearPost_Demo", "77", "resident77", "Resident 77",
                "@clearpost_demo @other is there an update on #FOI? (edited)", "https://x.com/resident77/status/205",
                "cy", List.of("FOI"), List.of("clearpost_demo", "other"), Instant.parse("2026-12-01T09:59:58.123Z"),
                DELIVERED));
    }

    @Test
    void aPostThatOnlyMatchedAQueryHasNoAccountAndFallsBackOnTheIdsTime() throws Exception {
        // 1800000000000000000 >> 22 ms after X's epoch (2010-11-04T01:42:54.657Z)
        NormalisedMention mention = normaliser.normalise(item(
                "{\"data\":{\"id\":\"1800000000000000000\",\"text\":\"the Information Commissioner\"}}", null)).get(0);

        assertThat(mention.account()).isNull();
        assertThat(mention.aliasIds()).isEmpty();
        assertThat(mention.url()).isEqualTo("https://x.com/i/web/status/1800000000000000000");
        assertThat(mention.mentionedAt()).isEqualTo(Instant.ofEpochMilli((1800000000000000000L >> 22) + 1288834974657L));
    }

    @Test
    void anOwnAccountIsFoundByIdAndATimelinesAccountIsTheFallback() throws Exception {
        config.ownHandles = List.of();
        XNormaliser byId = new XNormaliser(config, new ObjectMapper());
        String byIdLine = "{\"data\":{\"id\":\"3\",\"text\":\"hi\",\"entities\":{\"mentions\":"
                + "[{\"username\":\"CLEARPOST_demo\",\"id\":\"1500000000000000001\"}]}}}";
        assertThat(byId.normalise(item(byIdLine, null)).get(0).account()).isEqualTo("CLEARPOST_demo");
        assertThat(byId.normalise(item("{\"data\":{\"id\":\"3\",\"text\":\"hi\"}}", "1500000000000000001")).get(0)
                .account()).isEqualTo("1500000000000000001");
    }

    @Test
    void whatIsNotAPostIsUnparseableWithTheReason() {
        assertThatThrownBy(() -> normaliser.normalise(item("{\"data\":", null)))
                .isInstanceOf(UnparseableItemException.class).hasMessageStartingWith("X post is not JSON");
        assertThatThrownBy(() -> normaliser.normalise(item("{\"errors\":[]}", null)))
                .isInstanceOf(UnparseableItemException.class).hasMessage("X post has no data object");
        assertThatThrownBy(() -> normaliser.normalise(item("{\"data\":{\"id\":\"1x\",\"text\":\"t\"}}", null)))
                .isInstanceOf(UnparseableItemException.class).hasMessageContaining("no valid data.id");
        assertThatThrownBy(() -> normaliser.normalise(item("{\"data\":{\"id\":\"1\"}}", null)))
                .isInstanceOf(UnparseableItemException.class).hasMessage("X post 1 has no data.text");
    }
}
