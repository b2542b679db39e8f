package org.clearpost.console.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    private static final String KEY = key(32);
    private final CsrfTokens tokens = new CsrfTokens(KEY);

    @Test
    void theSameSessionAlwaysGetsTheSameTokenOnEveryReplica() {
        String token = tokens.tokenFor("sid-1", "dana-subject");

        assertThat(tokens.tokenFor("sid-1", "dana-subject")).isEqualTo(token);
        // Another replica builds its own CsrfTokens from the same configured key.
        assertThat(new CsrfTokens(KEY).tokenFor("sid-1", "dana-subject")).isEqualTo(token);
        // Fit for a form field and a header as it is: base64url without padding of a 256-bit HMAC.
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void anotherSessionSubjectOrKeyGetsAnotherToken() {
        String token = tokens.tokenFor("sid-1", "dana-subject");

        assertThat(tokens.tokenFor("sid-2", "dana-subject")).as("the next sign-in").isNotEqualTo(token);
        assertThat(tokens.tokenFor("sid-1", "colin-subject")).as("another person").isNotEqualTo(token);
        assertThat(new CsrfTokens(key(32)).tokenFor("sid-1", "dana-subject")).as("another key").isNotEqualTo(token);
        // The separator keeps the two parts apart: ("a\nb", "c") is not ("a", "b\nc") shifted.
        assertThat(tokens.tokenFor("sid-1x", "dana-subject")).isNotEqualTo(tokens.tokenFor("sid-1", "xdana-subject"));
    }

    @Test
    void onlyTheSessionsOwnTokenMatches() {
        String token = tokens.tokenFor("sid-1", "dana-subject");

        assertThat(tokens.matches(token, "sid-1", "dana-subject")).isTrue();
        assertThat(tokens.matches(tokens.tokenFor("sid-2", "dana-subject"), "sid-1", "dana-subject"))
                .as("a token of another session").isFalse();
        assertThat(tokens.matches(token, "sid-1", "colin-subject")).as("someone else's session").isFalse();
        assertThat(tokens.matches(null, "sid-1", "dana-subject")).as("no token").isFalse();
        assertThat(tokens.matches("", "sid-1", "dana-subject")).as("an empty token").isFalse();
        assertThat(tokens.matches(token.substring(0, 42), "sid-1", "dana-subject")).as("a prefix").isFalse();
        assertThat(tokens.matches(token + "A", "sid-1", "dana-subject")).as("longer").isFalse();
        assertThat(tokens.matches(token.toUpperCase(), "sid-1", "dana-subject")).as("case matters").isFalse();
    }

    @Test
    void aNearMissIsRefusedLikeAFarOne() {
        // matches() compares with MessageDigest.isEqual, which reads every byte whatever the first difference, so
        // timing cannot find the token byte by byte; here both kinds of miss are refused (a timing measurement on a
        // shared machine would be noise, not a test).
        String token = tokens.tokenFor("sid-1", "dana-subject");
        String lastByteWrong = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
        String firstByteWrong = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);

        assertThat(tokens.matches(lastByteWrong, "sid-1", "dana-subject")).isFalse();
        assertThat(tokens.matches(firstByteWrong, "sid-1", "dana-subject")).isFalse();
    }

    @Test
    void aKeyShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> new CsrfTokens(key(31))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes").hasMessageContaining("31");
        assertThatThrownBy(() -> new CsrfTokens("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CsrfTokens("not base64!")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CsrfTokens(key(64)).tokenFor("s", "u")).isNotBlank();
    }

    private static String key(int bytes) {
        byte[] raw = new byte[bytes];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}
