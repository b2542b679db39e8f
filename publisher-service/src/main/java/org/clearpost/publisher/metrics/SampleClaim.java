package org.clearpost.publisher.metrics;

import java.time.Instant;
import java.util.UUID;
import org.clearpost.events.Network;

/** What the claim of a due sample gave: a read to make, or nothing to read (already settled at the claim). */
public sealed interface SampleClaim {

    /** The sample was given up without a call (account not connected, token unreadable). */
    record Settled() implements SampleClaim {
    }

    /** Read {@code request} from the network, then record it under {@code claimId}. */
    record Read(UUID sampleId, UUID claimId, UUID postId, int version, UUID targetId, Network network,
            String account, String externalId, String campaign, Instant publishedAt, String sampleAge,
            SampleRequest request) implements SampleClaim {
    }
}
