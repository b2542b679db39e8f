package org.clearpost.drafting.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The body of a create or update call; on update the slug must be the campaign's own. */
public record CampaignRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 80) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                message = "must be lowercase letters and digits in words joined by single hyphens") String slug,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        @Size(max = 500) String audience,
        @Size(max = 100) @Pattern(regexp = Accounts.HASHTAG,
                message = "must be one hashtag: letters, digits and underscores") String hashtag,
        @Size(max = 50) List<@NotNull @Valid AccountRequest> accounts,
        @Size(max = 50) List<@NotNull @Valid AccountRequest> shareAccounts) {
}
