package org.clearpost.monitoring.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.clearpost.monitoring.facebook.PageWebhooks.PAGE_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.UnparseableItemException;
import org.junit.jupiter.api.Test;

/** A webhook delivery split into raw items ({@link FacebookItems}) and each item normalised, as the pipeline does. */
class FacebookNormaliserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DELIVERED = 1_700_000_100L;
    private static final long COMMENTED = 1_700_000_000L;
    private static final Instant RECEIVED = Instant.parse("2023-11-14T22:15:00Z");
    private static final String POST = PAGE_ID + "_987654321";

    private final FacebookNormaliser normaliser = new FacebookNormaliser();

    private List<NormalisedMention> parse(byte[] body) throws Exception {
        List<NormalisedMention> mentions = new ArrayList<>();
        for (RawItem item : FacebookItems.split(JSON.readTree(body), RECEIVED)) {
            mentions.addAll(normaliser.normalise(item));
        }
        return mentions;
    }

    private List<NormalisedMention> parse(String body) throws Exception {
        return parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static NormalisedMention mention(String id, String account, String authorId, String authorName,
            String text, Instant at) {
        return new NormalisedMention(Network.FACEBOOK, id, List.of(), account, authorId, null, authorName, text,
                "https://www.facebook.com/" + id, null, List.of(), List.of(account), at, RECEIVED);
    }

    @Test
    void splitsADeliveryIntoOneItemPerChangeKeyedByCommentOrPostId() throws Exception {
        byte[] body = PageWebhooks.notification(PAGE_ID, DELIVERED,
                PageWebhooks.comment(POST, "987654321_111", "5550001", "Jo Resident", "Hi", COMMENTED),
                PageWebhooks.like(POST, "5550002", COMMENTED),
                PageWebhooks.visitorPost(PAGE_ID + "_333", "5550003", "Al Visitor", "Great event!", COMMENTED));

        List<RawItem> items = FacebookItems.split(JSON.readTree(body), RECEIVED);

        assertThat(items).extracting(RawItem::network, RawItem::key, RawItem::kind, RawItem::account,
                RawItem::deliveredAt).containsExactly(
                        tuple(Network.FACEBOOK, "987654321_111", FacebookItems.FEED_CHANGE, PAGE_ID, RECEIVED),
                        tuple(Network.FACEBOOK, POST, FacebookItems.FEED_CHANGE, PAGE_ID, RECEIVED),
                        tuple(Network.FACEBOOK, PAGE_ID + "_333", FacebookItems.FEED_CHANGE, PAGE_ID, RECEIVED));
        JsonNode first = JSON.readTree(items.get(0).payload());
        assertThat(first.path("page_id").asText()).isEqualTo(PAGE_ID);
        assertThat(first.path("entry_time").asLong()).isEqualTo(DELIVERED);
        assertThat(first.path("change")).isEqualTo(JSON.readTree(body).path("entry").get(0).path("changes").get(0));
    }

    @Test
    void keepsCommentsVisitorPostsAndMentionsButNotLikes() throws Exception {
        byte[] body = PageWebhooks.notification(PAGE_ID, DELIVERED,
                PageWebhooks.comment(POST, "987654321_111", "5550001", "Jo Resident", "When does the #tip reopen?",
                        COMMENTED),
                PageWebhooks.like(POST, "5550002", COMMENTED),
                PageWebhooks.mentionInPost("44444444_222", "44444444", "Sam Blogger"),
                PageWebhooks.visitorPost(PAGE_ID + "_333", "5550003", "Al Visitor", "Great event!", COMMENTED));

        List<NormalisedMention> mentions = parse(body);

        assertThat(mentions).containsExactly(
                new NormalisedMention(Network.FACEBOOK, "987654321_111", List.of(), PAGE_ID, "5550001", null,
                        "Jo Resident", "When does the #tip reopen?", "https://www.facebook.com/987654321_111", null,
                        List.of("tip"), List.of(PAGE_ID), Instant.ofEpochSecond(COMMENTED), RECEIVED),
                mention("44444444_222", PAGE_ID, "44444444", "Sam Blogger", "", Instant.ofEpochSecond(DELIVERED)),
                mention(PAGE_ID + "_333", PAGE_ID, "5550003", "Al Visitor", "Great event!",
                        Instant.ofEpochSecond(COMMENTED)));
    }

    @Test
    void readsAPayloadAsTheNetworkSandboxWritesIt() throws Exception {
        // Byte for byte what network-sandbox's PageWebhookPayloads.comment(...) serialises to.
        String sandbox = """
                {"object":"page","entry":[{"id":"104523456789012","time":1700000000,"changes":[{"field":"feed",\
                "value":{"from":{"id":"5550001","name":"Jo Resident"},"message":"When does the tip reopen? 🚮",\
                "post_id":"104523456789012_987654321","comment_id":"987654321_7390","parent_id":\
                "104523456789012_987654321","created_time":1700000000,"item":"comment","verb":"add"}}]}]}""";

        assertThat(parse(sandbox)).singleElement().satisfies(mention -> {
            assertThat(mention.externalId()).isEqualTo("987654321_7390");
            assertThat(mention.text()).isEqualTo("When does the tip reopen? 🚮");
            assertThat(mention.mentionedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        });
    }

    @Test
    void ignoresThePagesOwnCommentsAndPosts() throws Exception {
        byte[] body = PageWebhooks.notification(PAGE_ID, DELIVERED,
                PageWebhooks.comment(POST, "987654321_112", PAGE_ID, "Our Council", "It reopens Monday.", COMMENTED),
                PageWebhooks.visitorPost(PAGE_ID + "_334", PAGE_ID, "Our Council", "Bin day moves", COMMENTED));

        assertThat(parse(body)).isEmpty();
    }

    @Test
    void anEditIsTheSameMentionAndARemovalIsNone() throws Exception {
        String body = """
                {"object":"page","entry":[{"id":"%s","time":%d,"changes":[
                  {"field":"feed","value":{"from":{"id":"5550001"},"post_id":"%s","comment_id":"987654321_113",
                   "created_time":%d,"item":"comment","verb":"edited","message":"changed"}},
                  {"field":"feed","value":{"from":{"id":"5550001"},"post_id":"%s","comment_id":"987654321_114",
                   "created_time":%d,"item":"comment","verb":"remove"}},
                  {"field":"feed","value":{"from":{"id":"5550001"},"post_id":"%s","reaction_type":"like",
                   "created_time":%d,"item":"reaction","verb":"add"}}]}]}"""
                .formatted(PAGE_ID, DELIVERED, POST, COMMENTED, POST, COMMENTED, POST, COMMENTED);

        assertThat(parse(body)).extracting(NormalisedMention::externalId, NormalisedMention::text)
                .containsExactly(tuple("987654321_113", "changed"));
    }

    @Test
    void readsEveryEntryOfABatchedDelivery() throws Exception {
        String otherPage = "200000000000001";
        String body = """
                {"object":"page","entry":[
                  {"id":"%s","time":%d,"changes":[{"field":"mention","value":{"post_id":"1_2","sender_id":"1",
                   "sender_name":"A","item":"post","verb":"add"}}]},
                  {"id":"%s","time":%d,"changes":[{"field":"mention","value":{"post_id":"3_4","comment_id":"4_5",
                   "sender_id":"3","item":"comment","verb":"add","message":"@Council please fix the lights"}}]}]}"""
                .formatted(PAGE_ID, DELIVERED, otherPage, DELIVERED);

        assertThat(parse(body))
                .extracting(NormalisedMention::account, NormalisedMention::externalId, NormalisedMention::text)
                .containsExactly(
                        tuple(PAGE_ID, "1_2", ""),
                        tuple(otherPage, "4_5", "@Council please fix the lights"));
    }

    @Test
    void fallsBackToTheDeliveryTimeWhenTheNotificationHasNone() throws Exception {
        String body = """
                {"object":"page","entry":[{"id":"%s","changes":[{"field":"mention","value":{"post_id":"1_2",
                 "sender_id":"1","item":"post","verb":"add"}}]}]}""".formatted(PAGE_ID);

        assertThat(parse(body)).singleElement().extracting(NormalisedMention::mentionedAt).isEqualTo(RECEIVED);
    }

    @Test
    void aNotificationForAnotherObjectHasNoItems() throws Exception {
        String instagram = """
                {"object":"instagram","entry":[{"id":"1","time":1,"changes":[{"field":"mentions",
                 "value":{"media_id":"9","comment_id":"8"}}]}]}""";

        assertThat(FacebookItems.split(JSON.readTree(instagram), RECEIVED)).isEmpty();
    }

    @Test
    void readsACommentReadBackFromTheGraphApi() throws Exception {
        JsonNode comment = JSON.readTree("""
                {"id":"987654321_7391","message":"Still no answer","created_time":"2026-11-30T09:15:02+0000",
                 "from":{"id":"5550009","name":"Pat Waiting"}}""");
        JsonNode own = JSON.readTree("""
                {"id":"987654321_7392","message":"We are on it","created_time":"2026-11-30T09:16:00+0000",
                 "from":{"id":"%s","name":"Our Council"}}""".formatted(PAGE_ID));

        RawItem item = FacebookItems.graphComment(PAGE_ID, POST, comment, RECEIVED);

        assertThat(item.key()).isEqualTo("987654321_7391");
        assertThat(item.kind()).isEqualTo(FacebookItems.GRAPH_COMMENT);
        assertThat(normaliser.normalise(item)).containsExactly(mention("987654321_7391", PAGE_ID, "5550009",
                "Pat Waiting", "Still no answer", Instant.parse("2026-11-30T09:15:02Z")));
        assertThat(normaliser.normalise(FacebookItems.graphComment(PAGE_ID, POST, own, RECEIVED))).isEmpty();
    }

    @Test
    void anItemOfTheWrongShapeIsUnparseableWithTheReason() {
        for (String[] bad : new String[][] {
                { FacebookItems.FEED_CHANGE, "not json", "not JSON" },
                { FacebookItems.FEED_CHANGE, "[1]", "not a JSON object" },
                { FacebookItems.FEED_CHANGE, "{\"change\":{\"field\":\"feed\",\"value\":{}}}", "page_id" },
                { FacebookItems.FEED_CHANGE, "{\"page_id\":\"1\",\"change\":\"feed\"}", "change.value" },
                { FacebookItems.FEED_CHANGE, "{\"page_id\":\"1\",\"change\":{\"field\":\"feed\",\"value\":"
                        + "{\"item\":\"comment\",\"verb\":\"add\",\"post_id\":\"1_2\"}}}", "comment_id" },
                { FacebookItems.GRAPH_COMMENT, "{\"page_id\":\"1\",\"comment\":{\"message\":\"x\"}}", "id" },
                { "tweet", "{\"page_id\":\"1\"}", "kind" } }) {
            RawItem item = new RawItem(Network.FACEBOOK, "k", bad[0], PAGE_ID, RECEIVED, bad[1]);
            assertThatThrownBy(() -> normaliser.normalise(item)).as(bad[1])
                    .isInstanceOf(UnparseableItemException.class).hasMessageContaining(bad[2]);
        }
    }
}
