package org.clearpost.publisher.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.publisher.network.PublishRequest;
import org.clearpost.publisher.network.PublishStep;
import org.clearpost.publisher.network.StepMemory;
import org.clearpost.publisher.rest.TokenRequest;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static final String KEY = "4m7ciQb6qERPYlezjuBJyurTaN92U4F69iu3intmEtA=";
    private static final String OTHER_KEY = "mkwdKkmpQQ/UrhE9fAoIGzdUM06wECZSf0ZStesg8OQ=";
    private static final AccessToken TOKEN = new AccessToken("x-user-token-7f3a9c");
    private static final String OWNER = "X/clearpost_gov";

    private final TokenCipher cipher = TokenCipher.fromBase64(KEY);

    @Test
    void opensWhatItSealed() {
        SealedToken sealed = cipher.seal(TOKEN, OWNER);

        assertThat(cipher.open(sealed, OWNER)).isEqualTo(TOKEN);
        assertThat(TokenCipher.fromBase64(KEY).open(sealed, OWNER)).isEqualTo(TOKEN);
    }

    @Test
    void sealsWithAFreshTwelveByteIvEachTimeAndNeverStoresThePlaintext() {
        SealedToken first = cipher.seal(TOKEN, OWNER);
        SealedToken second = cipher.seal(TOKEN, OWNER);

        assertThat(first.iv()).hasSize(12).isNotEqualTo(second.iv());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(new String(first.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN.value());
        // GCM: ciphertext as long as the plaintext, plus a 16-byte tag.
        assertThat(first.ciphertext()).hasSize(TOKEN.value().length() + 16);
    }

    @Test
    void detectsATamperedCiphertext() {
        SealedToken sealed = cipher.seal(TOKEN, OWNER);
        byte[] altered = sealed.ciphertext();
        altered[0] ^= 1;

        assertThatThrownBy(() -> cipher.open(new SealedToken(sealed.iv(), altered), OWNER))
                .isInstanceOf(TokenDecryptionException.class)
                .hasMessageContaining(OWNER);
    }

    @Test
    void detectsATamperedIv() {
        SealedToken sealed = cipher.seal(TOKEN, OWNER);
        byte[] iv = sealed.iv();
        iv[11] ^= 1;

        assertThatThrownBy(() -> cipher.open(new SealedToken(iv, sealed.ciphertext()), OWNER))
                .isInstanceOf(TokenDecryptionException.class);
    }

    @Test
    void doesNotOpenWithAnotherKey() {
        SealedToken sealed = cipher.seal(TOKEN, OWNER);

        assertThatThrownBy(() -> TokenCipher.fromBase64(OTHER_KEY).open(sealed, OWNER))
                .isInstanceOf(TokenDecryptionException.class)
                .hasMessageNotContaining(TOKEN.value());
    }

    @Test
    void doesNotOpenATokenCopiedToAnotherAccount() {
        SealedToken sealed = cipher.seal(TOKEN, OWNER);

        assertThatThrownBy(() -> cipher.open(sealed, "X/someone_else"))
                .isInstanceOf(TokenDecryptionException.class);
    }

    @Test
    void refusesKeysThatAreNotAes256() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> TokenCipher.fromBase64(shortKey)).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> TokenCipher.fromBase64("not base64 at all!"))
                .hasMessage("The token encryption key is not valid base64");
    }

    @Test
    void theServiceDoesNotStartWithoutAKey() {
        TokenCipherProducer producer = new TokenCipherProducer();

        assertThatThrownBy(() -> producer.tokenCipher(Optional::empty))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLEARPOST_TOKENS_ENCRYPTION_KEY");
        assertThatThrownBy(() -> producer.tokenCipher(() -> Optional.of(" ")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(producer.tokenCipher(() -> Optional.of(KEY))).isNotNull();
    }

    @Test
    void anOAuth1TokenOpensWithItsSecret() {
        AccessToken oauth1 = new AccessToken("72157720-flickr-token", "flickr-token-secret");

        assertThat(cipher.open(cipher.seal(oauth1, OWNER), OWNER)).isEqualTo(oauth1);
        assertThat(cipher.open(cipher.seal(TOKEN, OWNER), OWNER).secret()).isNull();
    }

    @Test
    void tokensPrintRedacted() {
        SealedToken sealed = cipher.seal(TOKEN, OWNER);

        assertThat(TOKEN.toString()).doesNotContain(TOKEN.value());
        assertThat(sealed.toString()).doesNotContain(TOKEN.value());
        assertThat(new PublishRequest(UUID.randomUUID(), Network.X, "clearpost_gov",
                new PublishStep.Post("Hello", List.of()), TOKEN, "step-key", StepMemory.inMemory()).toString())
                .contains("clearpost_gov").doesNotContain(TOKEN.value());
        assertThat(new TokenRequest(TOKEN.value()).toString()).doesNotContain(TOKEN.value());
    }
}
