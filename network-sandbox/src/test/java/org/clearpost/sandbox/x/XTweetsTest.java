package org.clearpost.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class XTweetsTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final XTweets tweets = new XTweets(XTweets.accounts(List.of("@clearpost_demo=11", "other=22")),
            List.of("Information Commissioner"));

    @Test
    void aStreamLineIsXsShapeWithEntitiesThatPointIntoTheText() throws Exception {
        JsonNode line = mapper.readTree(tweets.streamLine(1_800_000_000_000_000_000L, 1_800_000_000_000_000_000L, 0));

        JsonNode data = line.path("data");
        assertThat(data.path("id").asText()).isEqualTo("1800000000000000000");
        assertThat(data.path("edit_history_tweet_ids").get(0).asText()).isEqualTo("1800000000000000000");
        assertThat(data.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        String text = data.path("text").asText();
        JsonNode mention = data.path("entities").path("mentions").get(0);
        assertThat(mention.path("username").asText()).isEqualTo("clearpost_demo");
        assertThat(mention.path("id").asText()).isEqualTo("11");
        assertThat(text.substring(mention.path("start").asInt(), mention.path("end").asInt())).isEqualTo("@clearpost_demo");
        JsonNode hashtag = data.path("entities").path("hashtags").get(0);
        assertThat(text.substring(hashtag.path("start").asInt(), hashtag.path("end").asInt()))
                .isEqualTo("#" + hashtag.path("tag").asText());
        assertThat(line.path("includes").path("users").get(0).path("id").asText()).isEqualTo(data.path("author_id").asText());
        assertThat(line.path("matching_rules").get(0).path("tag").asText()).isEqualTo("@clearpost_demo");
    }

    @Test
    void anEditCarriesItsOriginalFirstAndItsOwnIdLast() throws Exception {
        JsonNode data = mapper.readTree(tweets.data(2000, 1000, 7));

        assertThat(data.path("edit_history_tweet_ids").toString()).isEqualTo("[\"1000\",\"2000\"]");
        assertThat(data.path("text").asText()).endsWith("ref 6 (edited)");
    }

    @Test
    void everyFifthPostCarriesATermAndMentionsNobody() throws Exception {
        JsonNode data = mapper.readTree(tweets.data(5000, 5000, 4));

        assertThat(data.path("text").asText()).contains("Information Commissioner");
        assertThat(data.path("entities").has("mentions")).isFalse();
        assertThat(tweets.mentions(4, false, "11")).isFalse();
        assertThat(tweets.mentions(0, false, "11")).isTrue();
        assertThat(tweets.mentions(1, false, "22")).isTrue();
    }
}
