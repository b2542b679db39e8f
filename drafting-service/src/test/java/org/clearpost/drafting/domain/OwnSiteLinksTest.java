package org.clearpost.drafting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

class OwnSiteLinksTest {

    private final OwnSiteLinks links = new OwnSiteLinks(List.of("ico.org.uk"));

    @Test
    void ownSiteLinksGetTheNetworkAndMedium() {
        assertThat(links.tag("Read https://ico.org.uk/sar now", Network.X, null))
                .isEqualTo("Read https://ico.org.uk/sar?utm_source=x&utm_medium=social now");
    }

    @Test
    void theCampaignSlugIsAddedWhenThereIsOne() {
        assertThat(links.tag("https://ico.org.uk/sar", Network.LINKEDIN, "data-week"))
                .isEqualTo("https://ico.org.uk/sar?utm_source=linkedin&utm_medium=social&utm_campaign=data-week");
    }

    @Test
    void existingQueryParametersAreKeptAndTheFragmentStaysLast() {
        assertThat(links.tag("https://www.ico.org.uk/a?lang=cy#part-2", Network.BLUESKY, null))
                .isEqualTo("https://www.ico.org.uk/a?lang=cy&utm_source=bluesky&utm_medium=social#part-2");
    }

    @Test
    void aTaggedLinkIsNeverTaggedTwice() {
        String tagged = links.tag("https://ico.org.uk/sar", Network.X, null);
        assertThat(links.tag(tagged, Network.X, null)).isEqualTo(tagged);
        assertThat(links.tag("https://ico.org.uk/?utm_source=newsletter", Network.X, null))
                .isEqualTo("https://ico.org.uk/?utm_source=newsletter");
    }

    @Test
    void bareDomainsAndSubdomainsAreOwnSiteButLookalikesAreNot() {
        assertThat(links.tag("See ico.org.uk/sar.", Network.MASTODON, null))
                .isEqualTo("See ico.org.uk/sar?utm_source=mastodon&utm_medium=social.");
        assertThat(links.tag("See https://notico.org.uk/x and https://gov.uk/y", Network.X, null))
                .isEqualTo("See https://notico.org.uk/x and https://gov.uk/y");
        assertThat(links.isOwnSite("https://news.ico.org.uk/x")).isTrue();
    }

    @Test
    void everyOwnSiteLinkInATextIsTagged() {
        assertThat(links.tag("https://ico.org.uk/a and https://ico.org.uk/b", Network.THREADS, null))
                .isEqualTo("https://ico.org.uk/a?utm_source=threads&utm_medium=social and "
                        + "https://ico.org.uk/b?utm_source=threads&utm_medium=social");
    }
}
