package org.clearpost.publisher.domain;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.clearpost.events.DecisionSignatures;
import org.clearpost.publisher.config.PublisherConfig;

/**
 * Publishes only what clearance signed: checks each PostCleared, as received, against clearance's public key. Started
 * eagerly, so a missing or unusable key stops the service at start-up rather than dead-lettering every decision.
 */
@Startup
@ApplicationScoped
public class DecisionVerifier {

    private final String clearancePublicKey;

    public DecisionVerifier(PublisherConfig config) {
        this.clearancePublicKey = DecisionSignatures.publicJwk(config.clearancePublicKey());
    }

    /**
     * Throws {@link DecisionSignatures.ForgedDecisionException} unless {@code receivedJson}, the record's value as
     * it came off the topic, carries clearance's valid signature over its canonical form.
     */
    public void verify(String receivedJson) {
        DecisionSignatures.verify(receivedJson, clearancePublicKey);
    }
}
