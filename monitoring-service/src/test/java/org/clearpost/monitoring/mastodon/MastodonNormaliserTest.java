package org.clearpost.monitoring.mastodon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.UnparseableItemException;
import org.junit.jupiter.api.Test;

/** Mastodon's entities, shaped as docs.joinmastodon.org documents them (and as the sandbox serves them), as mentions. */
class MastodonNormaliserTest {

    static final String MENTION = """
            {"id":"34975861","type":"mention","created_at":"2019-11-23T07:49:02.064Z",
             "account":{"id":"971724","username":"zsc","acct":"zsc@social.example","display_name":"Zsc",
                        "url":"https://social.example/@zsc"},
             "status":{"id":"103186126728896492","created_at":"2019-11-23T07:49:01.940Z",
                       "in_reply_to_id":"103186038209478945","language":"cy","edited_at":null,
                       "uri":"https://social.example/users/zsc/statuses/103186126728896492",
                       "url":"https://social.example/@zsc/103186126728896492",
                       "content":"<p><span class=\\"h-card\\"><a href=\\"https://m.example/@clearpost\\" class=\\"u-url mention\\">@<span>clearpost</span></a></span> sup &amp; diolch!<br />#<span>bins</span></p>",
                       "account":{"id":"971724","username":"zsc","acct":"zsc@social.example","display_name":"Zsc"},
                       "mentions":[{"id":"14715","username":"clearpost","url":"https://m.example/@clearpost","acct":"clearpost"}],
                       "tags":[{"name":"bins","url":"https://m.example/tags/bins"}]}}""";

    private final MastodonNormaliser normaliser = new MastodonNormaliser(new ObjectMapper(),
            new TestMastodonConfig(null, null, Duration.ofSeconds(45), 80));
    private final Instant delivered = Instant.parse("2019-11-23T07:49:03Z");

    @Test
    void aMentionNotificationIsOneMention() throws Exception {
        List<NormalisedMention> mentions = normaliser.normalise(item("notification", MENTION));
        assertThat(mentions).singleElement().satisfies(m -> {
            assertThat(m.network()).isEqualTo(Network.MASTODON);
            assertThat(m.externalId()).isEqualTo("103186126728896492");
            assertThat(m.account()).isEqualTo("clearpost");
            assertThat(m.authorId()).isEqualTo("971724");
            assertThat(m.authorHandle()).isEqualTo("zsc@social.example");
            assertThat(m.authorName()).isEqualTo("Zsc");
            assertThat(m.text()).isEqualTo("@clearpost sup & diolch!\n#bins");
            assertThat(m.url()).isEqualTo("https://social.example/@zsc/103186126728896492");
            assertThat(m.lang()).isEqualTo("cy");
            assertThat(m.hashtags()).containsExactly("bins");
            assertThat(m.mentionedHandles()).containsExactly("clearpost");
            assertThat(m.mentionedAt()).isEqualTo(Instant.parse("2019-11-23T07:49:01.940Z"));
            assertThat(m.deliveredAt()).isEqualTo(delivered);
        });
    }

    @Test
    void anEditedStatusIsTheSameMentionWhenItConcernsTheBody() throws Exception {
        String status = new ObjectMapper().readTree(MENTION).path("status").toString()
                .replace("sup &amp; diolch", "edited");
        List<NormalisedMention> edited = normaliser.normalise(item("status.update", status));
        assertThat(edited).singleElement().satisfies(m -> {
            assertThat(m.externalId()).isEqualTo("103186126728896492");
            assertThat(m.text()).startsWith("@clearpost edited!");
        });
        String elsewhere = status.replace("\"acct\":\"clearpost\"", "\"acct\":\"someone\"");
        assertThat(normaliser.normalise(item("status.update", elsewhere))).isEmpty();
    }

    @Test
    void otherNotificationTypesAreNoMention() throws Exception {
        assertThat(normaliser.normalise(item("notification", MENTION.replace("\"type\":\"mention\"",
                "\"type\":\"favourite\"")))).isEmpty();
    }

    @Test
    void whatIsNotTheDocumentedShapeIsUnparseable() {
        assertThatThrownBy(() -> normaliser.normalise(item("notification", "{not json")))
                .isInstanceOf(UnparseableItemException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> normaliser.normalise(item("notification", "[1,2]")))
                .isInstanceOf(UnparseableItemException.class);
        assertThatThrownBy(() -> normaliser.normalise(item("notification", "{\"id\":\"1\",\"type\":\"mention\"}")))
                .isInstanceOf(UnparseableItemException.class).hasMessageContaining("without a status");
        assertThatThrownBy(() -> normaliser.normalise(item("notification",
                MENTION.replace("2019-11-23T07:49:01.940Z", "yesterday"))))
                .isInstanceOf(UnparseableItemException.class).hasMessageContaining("created_at");
    }

    private RawItem item(String kind, String payload) {
        return new RawItem(Network.MASTODON, "key", kind, "clearpost", delivered, payload);
    }
}
