package org.clearpost.drafting.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.clearpost.events.Network;

/** One account in a campaign or live event request. */
public record AccountRequest(
        @NotNull Network network,
        @NotBlank @Size(max = 100) @Pattern(regexp = AccountRequest.HANDLE, message = AccountRequest.HANDLE_MESSAGE)
        String account) {

    /** An account handle or id as every request naming an account takes it. */
    public static final String HANDLE = "[\\p{L}\\p{N}_.@:-]+";
    public static final String HANDLE_MESSAGE = "must be an account handle or id without spaces";

    Account toAccount() {
        return new Account(network, account);
    }
}
