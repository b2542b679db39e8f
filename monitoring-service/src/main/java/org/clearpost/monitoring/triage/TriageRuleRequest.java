package org.clearpost.monitoring.triage;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.ResponseReason;
import org.clearpost.events.TrackedQueryDefined.Purpose;

/**
 * A 4.1 rule as a lead writes it: the reason (AWARENESS_OPPORTUNITY or REPUTATION_RISK; REPEATED_THEME comes from
 * themes), a name, and at least one condition. {@code terms} is in the tracked-query language.
 */
public record TriageRuleRequest(
        @NotNull ResponseReason reason,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 50) List<@NotNull UUID> queryIds,
        @Size(max = 4) List<@NotNull Purpose> purposes,
        @Size(max = 4000) String terms,
        @DecimalMin("-1") @DecimalMax("1") Double sentimentAtMost,
        @DecimalMin("-1") @DecimalMax("1") Double sentimentAtLeast,
        @Size(max = 20) List<@NotNull @Pattern(regexp = AuthorListRequest.LIST_NAME) String> authorLists,
        Boolean active) {
}
