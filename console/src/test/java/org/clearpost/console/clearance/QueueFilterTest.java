package org.clearpost.console.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueueFilterTest {

    @Test
    void theDefaultQueueIsWhatIsWaiting() {
        QueueFilter filter = new QueueFilter(null, null, null, null, null);

        assertThat(filter.isWaiting()).isTrue();
        assertThat(filter.query()).isEqualTo("?status=PENDING&size=200");
    }

    @Test
    void onlyValuesClearanceKnowsArePassedOn() {
        QueueFilter filter = new QueueFilter("CLEARED", "pre-election", "nonsense", "true", "maybe");

        assertThat(filter.query()).isEqualTo("?status=CLEARED&route=pre-election&flagged=true&size=200");
        assertThat(filter.networkOptions()).filteredOn(QueueFilter.Option::selected)
                .extracting(QueueFilter.Option::label).containsExactly("Any network");
        assertThat(filter.routeOptions()).filteredOn(QueueFilter.Option::selected)
                .extracting(QueueFilter.Option::value).containsExactly("pre-election");
    }
}
