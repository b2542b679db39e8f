package org.clearpost.drafting.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

public record LiveEventRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt,
        @Size(max = 100) @Pattern(regexp = Accounts.HASHTAG,
                message = "must be one hashtag: letters, digits and underscores") String hashtag,
        @Size(max = 50) List<@NotNull @Valid AccountRequest> accounts) {
}
