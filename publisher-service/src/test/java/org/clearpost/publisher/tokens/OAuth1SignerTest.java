package org.clearpost.publisher.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signer against published example vectors (RFC 5849 section 3.4.1.1, Twitter's "Creating a signature"). */
class OAuth1SignerTest {

    @Test
    void theBaseStringOfRfc5849Example() {
        // RFC 5849 3.4.1.1: query b5, a3, c@, a2 from the URL; c2 and a3 from the form body "c2&a3=2+q".
        URI url = URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
        List<Map.Entry<String, String>> params = List.of(Map.entry("c2", ""), Map.entry("a3", "2 q"),
                Map.entry("oauth_consumer_key", "9djdj82h48djs9d2"), Map.entry("oauth_token", "kkk9d7dh3k39sjv7"),
                Map.entry("oauth_signature_method", "HMAC-SHA1"), Map.entry("oauth_timestamp", "137131201"),
                Map.entry("oauth_nonce", "7d8f3e4a"), Map.entry("oauth_signature", "ignored"));

        assertThat(OAuth1Signer.baseString("post", URI.create("http://EXAMPLE.COM:80/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b"), params))
                .isEqualTo(OAuth1Signer.baseString("POST", url, params))
                .isEqualTo("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D"
                        + "%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D"
                        + "7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token"
                        + "%3Dkkk9d7dh3k39sjv7");
    }

    @Test
    void theSignatureOfTwittersExample() {
        URI url = URI.create("https://api.twitter.com/1.1/statuses/update.json?include_entities=true");
        List<Map.Entry<String, String>> params = List.of(
                Map.entry("status", "Hello Ladies + Gentlemen, a signed OAuth request!"),
                Map.entry("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog"),
                Map.entry("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"),
                Map.entry("oauth_signature_method", "HMAC-SHA1"), Map.entry("oauth_timestamp", "1318622958"),
                Map.entry("oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"),
                Map.entry("oauth_version", "1.0"));

        assertThat(OAuth1Signer.signature("POST", url, params, "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
                "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE")).isEqualTo("hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
    }

    @Test
    void theHeaderCarriesEveryProtocolParameterEncoded() {
        String header = new OAuth1Signer("key", "secret").authorization("GET",
                URI.create("https://www.flickr.com/services/oauth/request_token"), List.of(), null, null,
                Map.of("oauth_callback", "https://publisher.example/connect?x=1"));

        assertThat(header).startsWith("OAuth ").contains("oauth_consumer_key=\"key\"")
                .contains("oauth_callback=\"https%3A%2F%2Fpublisher.example%2Fconnect%3Fx%3D1\"")
                .contains("oauth_signature=\"").doesNotContain("oauth_token=").doesNotContain("secret");
    }
}
