package org.clearpost.support.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticGroupMembershipTest {

    private final StaticGroupMembership membership = new StaticGroupMembership();

    @Test
    void eachChannelOfAProcessIsItsOwnMember() {
        assertThat(StaticGroupMembership.memberId("clearance-service-pod-7", "drafted-posts"))
                .isEqualTo("clearance-service-pod-7-drafted-posts");
        assertThat(StaticGroupMembership.memberId("clearance-service-pod-7", "publications"))
                .isNotEqualTo(StaticGroupMembership.memberId("clearance-service-pod-7", "drafted-posts"));
    }

    @Test
    void producersAndChannelsWithTheirOwnIdAreLeftAlone() {
        Map<String, Object> producer = Map.of("bootstrap.servers", "localhost:9092",
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        assertThat(membership.customize("dead-letter", null, producer)).isSameAs(producer);
        Map<String, Object> ownId = Map.of("group.id", "g", "value.deserializer", "x", "group.instance.id", "mine");
        assertThat(membership.customize("in", null, ownId)).isSameAs(ownId);
    }
}
