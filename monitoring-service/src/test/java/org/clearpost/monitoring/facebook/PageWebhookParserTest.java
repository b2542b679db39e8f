package org.clearpost.monitoring.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.clearpost.monitoring.facebook.PageWebhooks.PAGE_ID;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.IncomingMention;
import org.clearpost.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

class PageWebhookParserTest {

    private static final long DELIVERED = 1_700_000_100L;
    private static final long COMMENTED = 1_700_000_000L;
    private static final Instant RECEIVED = Instant.parse("2023-11-14T22:15:00Z");
    private static final String POST = PAGE_ID + "_987654321";

    private static List<IncomingMention> parse(byte[] body) {
        return PageWebhookParser.parse(body, RECEIVED);
    }

    @Test
    void keepsCommentsVisitorPostsAndMentionsButNotLikes() {
        byte[] body = PageWebhooks.notification(PAGE_ID, DELIVERED,
                PageWebhooks.comment(POST, "987654321_111", "5550001", "Jo Resident", "When does the tip reopen?",
                        COMMENTED),
                PageWebhooks.like(POST, "5550002", COMMENTED),
                PageWebhooks.mentionInPost("44444444_222", "44444444", "Sam Blogger"),
                PageWebhooks.visitorPost(PAGE_ID + "_333", "5550003", "Al Visitor", "Great event!", COMMENTED));

        assertThat(parse(body)).containsExactly(
                new IncomingMention(Network.FACEBOOK, "987654321_111", PAGE_ID, "5550001", "Jo Resident",
                        "When does the tip reopen?", "https://www.facebook.com/987654321_111",
                        Instant.ofEpochSecond(COMMENTED)),
                new IncomingMention(Network.FACEBOOK, "44444444_222", PAGE_ID, "44444444", "Sam Blogger", "",
                        "https://www.facebook.com/44444444_222", Instant.ofEpochSecond(DELIVERED)),
                new IncomingMention(Network.FACEBOOK, PAGE_ID + "_333", PAGE_ID, "5550003", "Al Visitor",
                        "Great event!", "https://www.facebook.com/" + PAGE_ID + "_333",
                        Instant.ofEpochSecond(COMMENTED)));
    }

    @Test
    void readsAPayloadAsTheNetworkSandboxWritesIt() {
        // Byte for byte what network-sandbox's PageWebhookPayloads.comment(...) serialises to.
        String sandbox = """
                {"object":"page","entry":[{"id":"104523456789012","time":1700000000,"changes":[{"field":"feed",\
                "value":{"from":{"id":"5550001","name":"Jo Resident"},"message":"When does the tip reopen? 🚮",\
                "post_id":"104523456789012_987654321","comment_id":"987654321_7390","parent_id":\
                "104523456789012_987654321","created_time":1700000000,"item":"comment","verb":"add"}}]}]}""";

        assertThat(parse(sandbox.getBytes(StandardCharsets.UTF_8))).singleElement().satisfies(mention -> {
            assertThat(mention.externalId()).isEqualTo("987654321_7390");
            assertThat(mention.text()).isEqualTo("When does the tip reopen? 🚮");
            assertThat(mention.mentionedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        });
    }

    @Test
    void ignoresThePagesOwnCommentsAndPosts() {
        byte[] body = PageWebhooks.notification(PAGE_ID, DELIVERED,
                PageWebhooks.comment(POST, "987654321_112", PAGE_ID, "Our Council", "It reopens Monday.", COMMENTED),
                PageWebhooks.visitorPost(PAGE_ID + "_334", PAGE_ID, "Our Council", "Bin day moves", COMMENTED));

        assertThat(parse(body)).isEmpty();
    }

    @Test
    void ignoresEditsAndRemovals() {
        String body = """
                {"object":"page","entry":[{"id":"%s","time":%d,"changes":[
                  {"field":"feed","value":{"from":{"id":"5550001"},"post_id":"%s","comment_id":"987654321_113",
                   "created_time":%d,"item":"comment","verb":"edited","message":"changed"}},
                  {"field":"feed","value":{"from":{"id":"5550001"},"post_id":"%s","comment_id":"987654321_114",
                   "created_time":%d,"item":"comment","verb":"remove"}}]}]}"""
                .formatted(PAGE_ID, DELIVERED, POST, COMMENTED, POST, COMMENTED);

        assertThat(parse(body.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void keepsABatchWhoseTextHasNulUnpairedSurrogatesOrIsHuge() {
        String huge = "x".repeat(1_000_000);
        String body = """
                {"object":"page","entry":[
                  {"id":"%s","time":%d,"changes":[
                   {"field":"mention","value":{"post_id":"1_2","sender_id":"1","sender_name":"A\\u0000B",
                    "item":"post","verb":"add","message":"lights\\u0000 out \\ud800again"}},
                   {"field":"mention","value":{"post_id":"3_4","sender_id":"3","item":"post","verb":"add",
                    "message":"%s"}}]}]}"""
                .formatted(PAGE_ID, DELIVERED, huge);

        assertThat(parse(body.getBytes(StandardCharsets.UTF_8)))
                .extracting(IncomingMention::externalId, IncomingMention::authorName, m -> m.text().length())
                .containsExactly(
                        tuple("1_2", "AB", "lights out again".length()),
                        tuple("3_4", null, PageWebhookParser.MAX_TEXT));
        assertThat(parse(body.getBytes(StandardCharsets.UTF_8)).get(0).text()).isEqualTo("lights out again");
    }

    @Test
    void readsEveryEntryOfABatchedDelivery() {
        String otherPage = "200000000000001";
        String body = """
                {"object":"page","entry":[
                  {"id":"%s","time":%d,"changes":[{"field":"mention","value":{"post_id":"1_2","sender_id":"1",
                   "sender_name":"A","item":"post","verb":"add"}}]},
                  {"id":"%s","time":%d,"changes":[{"field":"mention","value":{"post_id":"3_4","comment_id":"4_5",
                   "sender_id":"3","item":"comment","verb":"add","message":"@Council please fix the lights"}}]}]}"""
                .formatted(PAGE_ID, DELIVERED, otherPage, DELIVERED);

        assertThat(parse(body.getBytes(StandardCharsets.UTF_8)))
                .extracting(IncomingMention::account, IncomingMention::externalId, IncomingMention::text)
                .containsExactly(
                        tuple(PAGE_ID, "1_2", ""),
                        tuple(otherPage, "4_5", "@Council please fix the lights"));
    }

    @Test
    void fallsBackToTheReceiptTimeWhenTheNotificationHasNone() {
        String body = """
                {"object":"page","entry":[{"id":"%s","changes":[{"field":"mention","value":{"post_id":"1_2",
                 "sender_id":"1","item":"post","verb":"add"}}]}]}""".formatted(PAGE_ID);

        assertThat(parse(body.getBytes(StandardCharsets.UTF_8))).singleElement()
                .extracting(IncomingMention::mentionedAt).isEqualTo(RECEIVED);
    }

    @Test
    void ignoresOtherObjects() {
        String instagram = """
                {"object":"instagram","entry":[{"id":"1","time":1,"changes":[{"field":"mentions",
                 "value":{"media_id":"9","comment_id":"8"}}]}]}""";

        assertThat(parse(instagram.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotAJsonObject() {
        for (String body : List.of("", "not json", "{\"object\":\"page\",", "[]", "42")) {
            assertThatThrownBy(() -> parse(body.getBytes(StandardCharsets.UTF_8)))
                    .as(body).isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.problem().status()).isEqualTo(400));
        }
    }
}
