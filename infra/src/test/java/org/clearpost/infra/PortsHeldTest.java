package org.clearpost.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortsHeldTest {

    @Test
    void aHeldPortIsTakenUntilReleasedAndOneAlreadyTakenCountsAsTaken() {
        int port = FreePort.pick();
        try (PortsHeld first = PortsHeld.hold(List.of(port))) {
            assertThat(PortsHeld.isFree(port)).isFalse();
            try (PortsHeld second = PortsHeld.hold(List.of(port))) {
                assertThat(second.ports()).containsExactly(port);
            }
            assertThat(PortsHeld.isFree(port)).as("still held by the first").isFalse();
        }
        assertThat(PortsHeld.isFree(port)).isTrue();
    }
}
