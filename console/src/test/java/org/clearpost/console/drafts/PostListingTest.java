package org.clearpost.console.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PostListingTest {

    @Test
    void filtersBecomeDraftingsQueryAndUnknownValuesAreDropped() {
        assertThat(PostListing.filters(null, null, null, null, null).query()).isEqualTo("/posts?page=0&size=20");
        assertThat(PostListing.filters("IN_CLEARANCE", "X", "sar-week", " subject access ", 2).query())
                .isEqualTo("/posts?status=IN_CLEARANCE&network=X&campaign=sar-week&text=subject+access&page=2&size=20");
        assertThat(PostListing.filters("NOPE", "MYSPACE", "", "", -1).query()).isEqualTo("/posts?page=0&size=20");
    }

    @Test
    void pagesKeepTheFiltersAndSayWhatIsShown() throws Exception {
        PostListing listing = PostListing.filters("DRAFT", null, null, "guidance", 1).with(new ObjectMapper()
                .readTree("""
                        [{"id":"p1","text":"Our new guidance\\n on subject access","status":"DRAFT",
                          "updatedAt":"2026-07-01T08:30:00Z","scheduledFor":null,
                          "targets":[{"network":"X"},{"network":"FACEBOOK"},{"network":"X"}]}]"""), 41);
        assertThat(listing.pages()).isEqualTo(3);
        assertThat(listing.hasPrevious()).isTrue();
        assertThat(listing.hasNext()).isTrue();
        assertThat(listing.previousUrl()).isEqualTo("/posts?status=DRAFT&text=guidance");
        assertThat(listing.nextUrl()).isEqualTo("/posts?status=DRAFT&text=guidance&page=2");
        assertThat(listing.showing()).isEqualTo("Showing 21 to 21 of 41 posts");
        PostListing.Row row = listing.rows().get(0);
        assertThat(row.excerpt()).isEqualTo("Our new guidance on subject access");
        assertThat(row.networks()).containsExactly("X", "Facebook");
        // British Summer Time: 08:30 UTC is 09:30 in London.
        assertThat(row.updated()).isEqualTo("1 July 2026 at 9:30am");
        assertThat(row.statusLabel()).isEqualTo("Draft");
        assertThat(row.statusClass()).isEqualTo("govuk-tag--grey");
    }

    @Test
    void longTextsAreCutAtAWord() {
        assertThat(PostListing.excerpt("one two three four", 12)).isEqualTo("one two…");
        assertThat(StatusTag.label("IN_CLEARANCE")).isEqualTo("In clearance");
        assertThat(StatusTag.cssClass("PUBLISHED")).isEqualTo("govuk-tag--green");
    }
}
