package org.clearpost.publisher.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void theChallengeIsS256OfTheVerifierAsInRfc7636AppendixB() {
        assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void aVerifierIs43UnreservedCharactersAndNeverTheSameTwice() {
        SecureRandom random = new SecureRandom();
        String one = Pkce.verifier(random);
        String two = Pkce.verifier(random);
        // RFC 7636 4.1: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"
        assertThat(one).hasSize(43).matches("[A-Za-z0-9._~-]+");
        assertThat(two).isNotEqualTo(one);
    }
}
