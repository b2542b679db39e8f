package org.clearpost.clearance.domain;

import java.time.Instant;

/** One route step a person approved. */
public record StepTaken(String step, String role, String takenBy, String comment, Instant takenAt) {
}
