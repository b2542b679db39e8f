package org.clearpost.monitoring.bluesky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.UnparseableItemException;
import org.junit.jupiter.api.Test;

class BlueskyNormaliserTest {

    static final String BODY = "did:plc:clearpostsandboxbody2acc";
    static final String AUTHOR = "did:plc:ht3icpiukfjckbcpzsro44hx";
    static final Instant DELIVERED = Instant.parse("2026-12-01T06:00:00Z");
    private final BlueskyNormaliser normaliser = new BlueskyNormaliser(Set.of(BODY));

    /** A Jetstream commit as the sandbox (and Jetstream) sends it. */
    static String commit(String operation, String rkey, String cid, String record) {
        return """
                {"did":"%s","time_us":1796104603141945,"kind":"commit","commit":{"rev":"3n3lkshn3tt22",\
                "operation":"%s","collection":"app.bsky.feed.post","rkey":"%s","record":%s,"cid":"%s"}}"""
                .formatted(AUTHOR, operation, rkey, record, cid);
    }

    static RawItem item(String kind, String payload) {
        return new RawItem(Network.BLUESKY, "k", kind, null, DELIVERED, payload);
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aMentionAfterEmojiAndAccentsIsFoundByItsUtf8ByteOffsets() throws Exception {
        String before = "🚧 Roadworks on Élm Road — ";
        String handle = "@clearpost-sandbox.bsky.social";
        String after = " any update? 👋🏽 ";
        String text = before + handle + after + "#roadworks";
        int start = bytes(before);
        int end = start + bytes(handle);
        int tagStart = bytes(before + handle + after);
        // The char offsets differ from the byte offsets: a String-index slice would cut the wrong text
        assertThat(text.indexOf(handle)).isNotEqualTo(start);
        String record = """
                {"$type":"app.bsky.feed.post","text":"%s","createdAt":"2026-12-01T05:56:43.141Z","langs":["en"],
                 "facets":[{"index":{"byteStart":%d,"byteEnd":%d},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"%s"}]},
                           {"index":{"byteStart":%d,"byteEnd":%d},"features":[{"$type":"app.bsky.richtext.facet#tag","tag":"roadworks"}]}]}"""
                .formatted(text, start, end, BODY, tagStart, tagStart + bytes("#roadworks"));

        List<NormalisedMention> mentions = normaliser.normalise(item("jetstream-commit",
                commit("create", "3n3lkshn3ttia", "bafyreivvrt", record)));

        assertThat(mentions).singleElement().satisfies(m -> {
            assertThat(m.network()).isEqualTo(Network.BLUESKY);
            assertThat(m.externalId()).isEqualTo("at://" + AUTHOR + "/app.bsky.feed.post/3n3lkshn3ttia#bafyreivvrt");
            assertThat(m.aliasIds()).containsExactly("at://" + AUTHOR + "/app.bsky.feed.post/3n3lkshn3ttia");
            assertThat(m.account()).isEqualTo(BODY);
            assertThat(m.authorId()).isEqualTo(AUTHOR);
            assertThat(m.text()).isEqualTo(text);
            assertThat(m.mentionedHandles()).containsExactly(BODY, "clearpost-sandbox.bsky.social");
            assertThat(m.hashtags()).containsExactly("roadworks");
            assertThat(m.lang()).isEqualTo("en");
            assertThat(m.url()).isEqualTo("https://bsky.app/profile/" + AUTHOR + "/post/3n3lkshn3ttia");
            assertThat(m.mentionedAt()).isEqualTo(Instant.parse("2026-12-01T05:56:43.141Z"));
            assertThat(m.deliveredAt()).isEqualTo(DELIVERED);
        });
    }

    @Test
    void offsetsThatCutACharacterOrRunPastTheTextKeepTheDidButNotTheHandle() throws Exception {
        String text = "👋 @someone.bsky.social";
        String record = """
                {"text":"%s","createdAt":"2026-12-01T05:56:43Z","facets":[
                 {"index":{"byteStart":1,"byteEnd":9},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:aaa"}]},
                 {"index":{"byteStart":5,"byteEnd":500},"features":[{"$type":"app.bsky.richtext.facet#mention","did":"%s"}]}]}"""
                .formatted(text, BODY);

        NormalisedMention m = normaliser.normalise(item("jetstream-commit", commit("create", "r1", "c1", record))).get(0);

        assertThat(m.mentionedHandles()).containsExactly("did:plc:aaa", BODY);
        assertThat(m.account()).isEqualTo(BODY);
    }

    @Test
    void aReplyOrQuoteOfTheBodysPostIsAboutItsAccountAndAPostThatOnlyMatchesTermsHasNone() throws Exception {
        String reply = """
                {"text":"Is this still happening? 🤔","createdAt":"2026-12-01T05:56:43Z","reply":{
                 "root":{"uri":"at://%s/app.bsky.feed.post/3ke6kgbnng222","cid":"x"},
                 "parent":{"uri":"at://%s/app.bsky.feed.post/3ke6kgbnng222","cid":"x"}}}""".formatted(BODY, BODY);
        String quote = """
                {"text":"Look","createdAt":"2026-12-01T05:56:43Z","embed":{"$type":"app.bsky.embed.record",
                 "record":{"uri":"at://%s/app.bsky.feed.post/3ke6kgbnng222","cid":"x"}}}""".formatted(BODY);
        String terms = """
                {"text":"Missed bin collection on Café Street 😤 #bins","createdAt":"2026-12-01T05:56:43Z",
                 "tags":["#waste"],"facets":[{"index":{"byteStart":41,"byteEnd":46},
                 "features":[{"$type":"app.bsky.richtext.facet#tag","tag":"bins"}]}]}""";

        assertThat(normaliser.normalise(item("jetstream-commit", commit("create", "r1", "c1", reply))).get(0).account())
                .isEqualTo(BODY);
        assertThat(normaliser.normalise(item("jetstream-commit", commit("create", "r2", "c2", quote))).get(0).account())
                .isEqualTo(BODY);
        NormalisedMention plain = normaliser.normalise(item("jetstream-commit", commit("create", "r3", "c3", terms))).get(0);
        assertThat(plain.account()).isNull();
        assertThat(plain.hashtags()).containsExactly("bins", "waste");
        assertThat(plain.lang()).isNull();
    }

    @Test
    void anUpdateIsANewVersionAliasedToTheSameAtUri() throws Exception {
        String record = "{\"text\":\"hello (edited)\",\"createdAt\":\"2026-12-01T05:56:43Z\"}";
        NormalisedMention first = normaliser.normalise(item("jetstream-commit", commit("create", "r1", "cidA", record))).get(0);
        NormalisedMention update = normaliser.normalise(item("jetstream-commit", commit("update", "r1", "cidB", record))).get(0);
        assertThat(update.externalId()).isNotEqualTo(first.externalId());
        assertThat(update.aliasIds()).isEqualTo(first.aliasIds());
    }

    @Test
    void deletesOtherCollectionsAndIdentityEventsAreNotMentions() throws Exception {
        String delete = """
                {"did":"%s","time_us":1,"kind":"commit","commit":{"rev":"r","operation":"delete",
                 "collection":"app.bsky.feed.post","rkey":"r1"}}""".formatted(AUTHOR);
        String like = commit("create", "r1", "c", "{\"subject\":{}}").replace("app.bsky.feed.post", "app.bsky.feed.like");
        String identity = "{\"did\":\"%s\",\"time_us\":1,\"kind\":\"identity\",\"identity\":{}}".formatted(AUTHOR);
        assertThat(normaliser.normalise(item("jetstream-commit", delete))).isEmpty();
        assertThat(normaliser.normalise(item("jetstream-commit", like))).isEmpty();
        assertThat(normaliser.normalise(item("jetstream-commit", identity))).isEmpty();
    }

    @Test
    void aNotificationCarriesTheAuthorsHandleAndIsTheSameVersionAsTheStreamedPost() throws Exception {
        String record = "{\"$type\":\"app.bsky.feed.post\",\"text\":\"Any date? 📅\",\"createdAt\":\"2026-12-01T05:56:43.190Z\"}";
        String notification = """
                {"uri":"at://%s/app.bsky.feed.post/r9","cid":"c9","author":{"did":"%s","handle":"resident1.bsky.social",
                 "displayName":"Resident 1","labels":[]},"reason":"reply","reasonSubject":"at://%s/app.bsky.feed.post/p",
                 "record":%s,"isRead":false,"indexedAt":"2026-12-01T05:56:43.190Z","labels":[]}"""
                .formatted(AUTHOR, AUTHOR, BODY, record);
        RawItem raw = new RawItem(Network.BLUESKY, "k", "notification", BODY, DELIVERED, notification);

        NormalisedMention fromNotification = normaliser.normalise(raw).get(0);
        NormalisedMention streamed = normaliser.normalise(item("jetstream-commit", commit("create", "r9", "c9", record))).get(0);

        assertThat(fromNotification.externalId()).isEqualTo(streamed.externalId());
        assertThat(fromNotification.authorHandle()).isEqualTo("resident1.bsky.social");
        assertThat(fromNotification.authorName()).isEqualTo("Resident 1");
        assertThat(fromNotification.account()).isEqualTo(BODY);
        assertThat(streamed.account()).isNull();
    }

    @Test
    void whatIsNotABlueskyPostIsUnparseableWithTheReason() {
        assertThatThrownBy(() -> normaliser.normalise(item("jetstream-commit", "{not json")))
                .isInstanceOf(UnparseableItemException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> normaliser.normalise(item("jetstream-commit", "[1]")))
                .isInstanceOf(UnparseableItemException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> normaliser.normalise(item("jetstream-commit",
                commit("create", "r1", "c1", "{\"text\":\"x\"}").replace("\"cid\":\"c1\"", "\"cid\":null"))))
                .isInstanceOf(UnparseableItemException.class).hasMessageContaining("'cid'");
        assertThatThrownBy(() -> normaliser.normalise(item("jetstream-commit", commit("create", "r1", "c1", "\"text\""))))
                .isInstanceOf(UnparseableItemException.class).hasMessageContaining("record");
        assertThatThrownBy(() -> normaliser.normalise(item("tweet", "{}")))
                .isInstanceOf(UnparseableItemException.class).hasMessageContaining("tweet");
    }
}
