package org.clearpost.clearance.impartiality;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearpost.clearance.config.PolicyTermsConfig;

/** Builds the checks' term lists from configuration. */
public class PolicyTermsProducer {

    @Produces
    @Singleton
    PolicyTerms policyTerms(PolicyTermsConfig config) {
        return new PolicyTerms(config.parties().orElse(List.of()), config.politicians().orElse(List.of()),
                config.products().orElse(List.of()), config.candidates().orElse(List.of()),
                config.partyPoliticalAccounts().entrySet().stream().collect(Collectors.toMap(e -> e.getKey(),
                        e -> Set.copyOf(e.getValue()))));
    }
}
