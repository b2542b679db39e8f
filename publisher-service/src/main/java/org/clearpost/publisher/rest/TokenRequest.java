package org.clearpost.publisher.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.clearpost.publisher.tokens.AccessToken;

/** Body of {@code PUT /accounts/{network}/{account}/token}. */
public record TokenRequest(@NotBlank @Size(max = 4096) String accessToken) {

    AccessToken token() {
        return new AccessToken(accessToken.strip());
    }

    @Override
    public String toString() {
        return "TokenRequest[accessToken redacted]";
    }
}
