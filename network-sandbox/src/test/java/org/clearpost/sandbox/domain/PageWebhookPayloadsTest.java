package org.clearpost.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageWebhookPayloadsTest {

    @Test
    @SuppressWarnings("unchecked")
    void commentHasMetasFeedShape() {
        Map<String, Object> payload = PageWebhookPayloads.comment("111", "111_222", "333", "444", "Ann", "Hi", 1700L);

        assertThat(payload).containsEntry("object", "page");
        Map<String, Object> entry = ((List<Map<String, Object>>) payload.get("entry")).get(0);
        assertThat(entry).containsEntry("id", "111").containsEntry("time", 1700L);
        Map<String, Object> change = ((List<Map<String, Object>>) entry.get("changes")).get(0);
        assertThat(change).containsEntry("field", "feed");
        assertThat((Map<String, Object>) change.get("value"))
                .containsEntry("item", "comment")
                .containsEntry("verb", "add")
                .containsEntry("post_id", "111_222")
                .containsEntry("comment_id", "222_333")
                .containsEntry("parent_id", "111_222")
                .containsEntry("message", "Hi")
                .containsEntry("created_time", 1700L)
                .containsEntry("from", Map.of("id", "444", "name", "Ann"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void visitorPostIsAStatus() {
        Map<String, Object> payload = PageWebhookPayloads.visitorPost("111", "555", "444", null, "Hello", 1700L);
        Map<String, Object> entry = ((List<Map<String, Object>>) payload.get("entry")).get(0);
        Map<String, Object> value = (Map<String, Object>) ((List<Map<String, Object>>) entry.get("changes")).get(0)
                .get("value");
        assertThat(value).containsEntry("item", "status").containsEntry("post_id", "111_555")
                .containsEntry("published", 1).containsEntry("from", Map.of("id", "444"))
                .doesNotContainKey("comment_id");
    }

    @Test
    void bareIdsAreQualifiedWithThePage() {
        assertThat(PageWebhookPayloads.qualifyPostId("111", "222")).isEqualTo("111_222");
        assertThat(PageWebhookPayloads.qualifyPostId("111", "999_222")).isEqualTo("999_222");
    }
}
