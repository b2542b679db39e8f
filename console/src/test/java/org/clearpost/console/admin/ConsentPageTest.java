package org.clearpost.console.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConsentPageTest {

    @Test
    void theBrowserIsSentOnlyToAnAbsoluteHttpUrl() {
        assertThat(AdminAccountsResource.consentPage("https://x.com/i/oauth2/authorize?state=abc").getHost())
                .isEqualTo("x.com");
        assertThat(AdminAccountsResource.consentPage("http://localhost:8089/oauth/x/authorize?a=b")).isNotNull();
        assertThatThrownBy(() -> AdminAccountsResource.consentPage("javascript:alert(1)"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AdminAccountsResource.consentPage("/admin/accounts"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AdminAccountsResource.consentPage(""))
                .isInstanceOf(IllegalStateException.class);
    }
}
