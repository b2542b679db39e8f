package org.clearpost.publisher.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.clearpost.publisher.network.SandboxConnectors;
import org.clearpost.publisher.tokens.Credentials;
import org.junit.jupiter.api.Test;

/** Flickr's OAuth 1.0a flow against the sandbox, which checks every signature (plain JUnit). */
class FlickrOAuth1FlowTest {

    private final SandboxConnectors sandbox = SandboxConnectors.get();
    private final FlickrOAuth1Flow flow = FlickrSandboxAccount.flow(sandbox);

    @Test
    void startAuthorizeCompleteGivesATokenWithItsSecretThatNeverExpires() throws Exception {
        AuthorizationFlow.Started started = flow.start("state-123", FlickrSandboxAccount.CALLBACK);

        assertThat(started.authorizationUrl().toString()).contains("/services/oauth/authorize?oauth_token=")
                .endsWith("&perms=write");
        assertThat(started.kept()).contains("oauth_token_secret=");
        Map<String, String> callback = FlickrSandboxAccount.approve(started.authorizationUrl());
        // OAuth 1.0a has no state: it rides in the callback URL, so the connect service can check it.
        assertThat(callback).containsEntry("state", "state-123")
                .containsEntry("callbackPath", FlickrSandboxAccount.CALLBACK.getPath()).containsKey("oauth_verifier");

        Credentials credentials = flow.complete(callback, started.kept(), FlickrSandboxAccount.CALLBACK);

        assertThat(credentials.accessToken().value()).isNotBlank();
        assertThat(credentials.accessToken().secret()).isNotBlank();
        assertThat(credentials.refreshToken()).isNull();
        assertThat(credentials.expiresAt()).isNull();
        assertThat(flow.refresh(credentials)).isEmpty();
    }

    @Test
    void aVerifierIsExchangedOnceAndAForeignTokenIsRefused() throws Exception {
        AuthorizationFlow.Started started = flow.start("s", FlickrSandboxAccount.CALLBACK);
        Map<String, String> callback = FlickrSandboxAccount.approve(started.authorizationUrl());
        flow.complete(callback, started.kept(), FlickrSandboxAccount.CALLBACK);

        assertThatThrownBy(() -> flow.complete(callback, started.kept(), FlickrSandboxAccount.CALLBACK))
                .isInstanceOf(AuthorizationFlow.AuthorizationRefused.class)
                .satisfies(e -> assertThat(((AuthorizationFlow.AuthorizationRefused) e).error())
                        .isEqualTo("token_rejected"));
        Map<String, String> other = new HashMap<>(callback);
        other.put("oauth_token", "not-the-request-token");
        assertThatThrownBy(() -> flow.complete(other, started.kept(), FlickrSandboxAccount.CALLBACK))
                .isInstanceOf(AuthorizationFlow.AuthorizationRefused.class);
    }
}
