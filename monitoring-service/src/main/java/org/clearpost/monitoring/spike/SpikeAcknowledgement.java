package org.clearpost.monitoring.spike;

import jakarta.validation.constraints.Size;

/** A lead's acknowledgement of a spike, with what was done about it (optional). */
public record SpikeAcknowledgement(@Size(max = 2000) String note) {
}
