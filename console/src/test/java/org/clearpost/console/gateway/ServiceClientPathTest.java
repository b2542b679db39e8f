package org.clearpost.console.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link ServiceClient#path} and {@link ServiceClient#query}: what a page puts after a service's base URL. */
class ServiceClientPathTest {

    @Test
    void eachSegmentIsPercentEncodedSoItStaysOneSegment() {
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(ServiceClient.path("/posts/{}/submit", id)).isEqualTo("/posts/0f8fad5b-d9cb-469f-a165-70867728950e/submit");
        assertThat(ServiceClient.path("/campaigns/{}", "spring budget")).isEqualTo("/campaigns/spring%20budget");
        assertThat(ServiceClient.path("/campaigns/{}", "a/../../admin")).isEqualTo("/campaigns/a%2F..%2F..%2Fadmin");
        assertThat(ServiceClient.path("/campaigns/{}", "c++?x=1#top")).isEqualTo("/campaigns/c%2B%2B%3Fx%3D1%23top");
        assertThat(ServiceClient.path("/campaigns/{}", "Café")).isEqualTo("/campaigns/Caf%C3%A9");
        assertThat(ServiceClient.path("/accounts/{}/{}", "X", "clearpost_demo")).isEqualTo("/accounts/X/clearpost_demo");
        assertThat(ServiceClient.path("/figures")).isEqualTo("/figures");
    }

    @Test
    void anEncodedPathResolvesAgainstTheBaseWithoutLeavingIt() {
        URI base = URI.create("http://localhost:8081");
        URI resolved = base.resolve(ServiceClient.path("/campaigns/{}", "../admin secrets"));

        assertThat(resolved.getRawPath()).isEqualTo("/campaigns/..%2Fadmin%20secrets");
        assertThat(resolved.getPath()).isEqualTo("/campaigns/../admin secrets");
    }

    @Test
    void moreOrFewerSegmentsThanPlacesIsAMistake() {
        assertThatThrownBy(() -> ServiceClient.path("/posts/{}", "a", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/posts/{}");
        assertThatThrownBy(() -> ServiceClient.path("/posts/{}/targets/{}", "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fewer segments");
    }

    @Test
    void aQueryEncodesNamesAndValuesAndSkipsBlanks() {
        assertThat(ServiceClient.query("status", "DRAFT", "q", "tax & spend", "page", 2))
                .isEqualTo("?status=DRAFT&q=tax+%26+spend&page=2");
        assertThat(ServiceClient.query("status", null, "q", "  ", "campaign", "", "network", "X"))
                .isEqualTo("?network=X");
        assertThat(ServiceClient.query("from", "2026-12-01T09:00+00:00")).isEqualTo("?from=2026-12-01T09%3A00%2B00%3A00");
        assertThat(ServiceClient.query("q", "é=#")).isEqualTo("?q=%C3%A9%3D%23");
    }

    @Test
    void aQueryOfNothingIsEmpty() {
        assertThat(ServiceClient.query()).isEmpty();
        assertThat(ServiceClient.query("status", null, "q", "")).isEmpty();
        assertThat("/posts" + ServiceClient.query("status", null)).isEqualTo("/posts");
    }
}
