package org.clearpost.testing;

import java.util.Map;
import org.clearpost.events.DecisionSignatures;
import org.clearpost.events.PostCleared;

/**
 * The key pair clearance signs decisions with in tests, generated once per test JVM (never committed). Clearance gets
 * the private key, the publisher the public one, through {@link RealInfrastructure}; a test that plays clearance
 * signs its PostCleared with {@link #sign(PostCleared)}.
 */
public final class TestSigningKeys {

    /**
     * Kept in a system property, not a static field: Quarkus loads this class again in each application's class
     * loader, and every copy must hand out the same pair.
     */
    private static final String HOLDER = "clearpost.test.decision-signing-jwk";

    private TestSigningKeys() {
    }

    public static synchronized String privateJwk() {
        String jwk = System.getProperty(HOLDER);
        if (jwk == null) {
            jwk = DecisionSignatures.generatePrivateJwk();
            System.setProperty(HOLDER, jwk);
        }
        return jwk;
    }

    public static String publicJwk() {
        return DecisionSignatures.publicJwk(privateJwk());
    }

    /** The decision as clearance would send it: signed with the test key. */
    public static PostCleared sign(PostCleared decision) {
        return DecisionSignatures.sign(decision, privateJwk());
    }

    /** The configuration both services read their key from. */
    public static Map<String, String> config() {
        return Map.of("clearpost.clearance.signing-key", privateJwk(),
                "clearpost.publisher.clearance-public-key", publicJwk());
    }
}
