package org.clearpost.drafting.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.clearpost.events.Network;

/** One account in a campaign or live event request. */
public record AccountRequest(
        @NotNull Network network,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N}_.@:-]+",
                message = "must be an account handle or id without spaces") String account) {

    Account toAccount() {
        return new Account(network, account);
    }
}
