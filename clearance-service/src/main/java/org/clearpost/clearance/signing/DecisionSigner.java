package org.clearpost.clearance.signing;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.clearpost.clearance.suspension.SuspensionService;
import org.clearpost.events.DecisionSignatures;
import org.clearpost.events.PostCleared;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals each PostCleared before it leaves: stamps the emergency stop in force (holding the publishing state until
 * the decision commits) and signs the result with the key only clearance holds. Started eagerly, so a missing or
 * unusable key stops the service at start-up rather than at the first approval.
 */
@Startup
@ApplicationScoped
public class DecisionSigner {

    private final String signingKey;
    private final String publicKey;
    private final SuspensionService suspensions;

    public DecisionSigner(@ConfigProperty(name = "clearpost.clearance.signing-key") String signingKey,
            SuspensionService suspensions) {
        this.publicKey = DecisionSignatures.checkSigningKey(signingKey);
        this.signingKey = signingKey;
        this.suspensions = suspensions;
    }

    /** Call it in the transaction that clears the post, after which nothing about the decision may change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PostCleared seal(PostCleared decision) {
        PostCleared held = decision.withHeldBySuspension(suspensions.inForceForDecision().orElse(null));
        return DecisionSignatures.sign(held, signingKey);
    }

    /** Clearance's public key (a JWK) that every signature verifies against; published in the audit export. */
    public String publicKey() {
        return publicKey;
    }
}
