package org.clearpost.monitoring.inbox;

import java.time.Instant;

/** Who is answering a mention, until when: two monitors never answer the same one. */
public record Claim(String holder, Instant expiresAt) {
}
