package org.clearpost.console.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InboxFilterTest {

    @Test
    void theFormsChoicesBecomeMonitoringsQuery() {
        Map<String, String> params = new HashMap<>();
        params.put("state", "NEW");
        params.put("network", "");
        params.put("assignee", "me");
        params.put("overdue", "true");
        params.put("label", "  helpline ");
        params.put("page", "2");

        InboxFilter filter = InboxFilter.of(params);

        assertThat(filter.monitoringQuery())
                .isEqualTo("?state=NEW&assignee=me&overdue=true&label=helpline&page=2&size=25");
        assertThat(filter.isFiltered()).isTrue();
        assertThat(filter.describe()).containsExactly("State: New", "Assigned to: me", "Overdue", "Label: helpline");
    }

    @Test
    void pagesLinkToTheSameFilters() {
        InboxFilter filter = InboxFilter.of(Map.of("priority", "HIGH", "page", "1"));
        assertThat(filter.getPreviousLink()).isEqualTo("/inbox?priority=HIGH");
        assertThat(filter.nextLink(InboxFilter.PAGE_SIZE)).isEqualTo("/inbox?priority=HIGH&page=2");
        // fewer than a page: this is the last one
        assertThat(filter.nextLink(InboxFilter.PAGE_SIZE - 1)).isNull();
        assertThat(InboxFilter.of(Map.of()).getPreviousLink()).isNull();
    }

    @Test
    void aBadPageNumberIsTheFirstPageAndUncheckedBoxesAreAbsent() {
        InboxFilter filter = InboxFilter.of(Map.of("page", "many", "overdue", "no"));
        assertThat(filter.page()).isZero();
        assertThat(filter.overdue()).isFalse();
        assertThat(filter.isFiltered()).isFalse();
        assertThat(filter.monitoringQuery()).isEqualTo("?page=0&size=25");
    }

    @Test
    void aReplyRequestCarriesOnlyWhatWasGiven() {
        UUID id = UUID.fromString("bc69e722-c015-43f5-8f7a-15675755b5f6");
        assertThat(InboxResource.replyRequest(id, " Thank you ", "", null))
                .containsExactly(Map.entry("mentionId", id.toString()), Map.entry("text", "Thank you"));
        UUID saved = UUID.randomUUID();
        assertThat(InboxResource.replyRequest(id, "", "clearpost_demo", saved.toString())).containsOnly(
                Map.entry("mentionId", id.toString()), Map.entry("account", "clearpost_demo"),
                Map.entry("savedReplyId", saved.toString()));
        // nothing to say: monitoring is asked anyway, so that its problem names the text
        assertThat(InboxResource.replyRequest(id, " ", null, " ")).containsEntry("text", "");
    }

    @Test
    void mentionsReadAsPeopleReadThem() {
        Mention m = new Mention(UUID.randomUUID(), "FACEBOOK", "100200300400", "555", "A Citizen", "citizen",
                "word ".repeat(40), null, null, null, java.time.Instant.parse("2026-07-01T16:30:00Z"),
                "AWAITING_CLEARANCE", null, -0.5, "NEGATIVE", null, null, null, "HIGH", null, false, null, false,
                null, null, false, null, null, null, null, null, null, null);
        assertThat(m.getAuthor()).isEqualTo("A Citizen (@citizen)");
        assertThat(m.getNetworkShown()).isEqualTo("Facebook");
        assertThat(m.getStatusShown()).isEqualTo("Awaiting clearance");
        assertThat(m.getSnippet()).hasSizeLessThanOrEqualTo(121).endsWith("…");
        assertThat(m.getSentimentShown()).isEqualTo("Negative (-0.50)");
        // British Summer Time: 16:30 UTC is 5:30pm in London
        assertThat(m.getReceived()).isEqualTo("1 July 2026 at 5:30pm");
        assertThat(m.isAnswerable()).isFalse();
        assertThat(m.reasons()).isEmpty();
    }
}
