package org.clearpost.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void fingerprintIsLowerHexSha256() {
        assertThat(Tokens.fingerprint("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void readsTheTokenOfAnAcceptedScheme() {
        assertThat(Tokens.fromAuthorization("Bearer abc", "Bearer")).contains("abc");
        assertThat(Tokens.fromAuthorization("bearer  abc ", "Bearer")).contains("abc");
        assertThat(Tokens.fromAuthorization("OAuth abc", "Bearer", "OAuth")).contains("abc");
    }

    @Test
    void missingBlankOrForeignSchemeGivesNothing() {
        assertThat(Tokens.fromAuthorization(null, "Bearer")).isEmpty();
        assertThat(Tokens.fromAuthorization("Bearer   ", "Bearer")).isEmpty();
        assertThat(Tokens.fromAuthorization("Bearer", "Bearer")).isEmpty();
        assertThat(Tokens.fromAuthorization("Basic abc", "Bearer")).isEmpty();
        assertThat(Tokens.fromAuthorization("Bearerabc", "Bearer")).isEmpty();
    }
}
