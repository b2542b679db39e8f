package org.clearpost.monitoring.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.MentionState;

/** The bodies of the inbox's actions. */
public final class InboxRequests {

    static final int MAX_NAME = 200;
    static final int MAX_REASON = 1000;
    static final int MAX_LABEL = 50;
    static final int MAX_NOTE = 4000;

    private InboxRequests() {
    }

    /** @param assignee a user name, or {@code me} */
    public record Assign(@NotBlank @Size(max = MAX_NAME) String assignee) {
    }

    /** @param reason required for NO_RESPONSE_NEEDED */
    public record ChangeState(@NotNull MentionState state, @Size(max = MAX_REASON) String reason) {
    }

    public record Labels(@Size(max = 20) List<@NotBlank @Size(max = MAX_LABEL) String> add,
            @Size(max = 20) List<@NotBlank @Size(max = MAX_LABEL) String> remove) {
    }

    public record Note(@NotBlank @Size(max = MAX_NOTE) String text) {
    }

    public record Prioritise(@NotNull MentionPriority priority, @Size(max = MAX_REASON) String reason) {
    }

    public record Hide(@Size(max = MAX_REASON) String reason) {
    }

    /** What a bulk request does to each of its mentions. */
    public enum BulkAction {
        ASSIGN, UNASSIGN, STATE, LABELS, CLAIM, RELEASE_CLAIM, PRIORITY, HIDE, SHOW
    }

    /**
     * One action on many mentions: either {@code ids} or {@code themeId} (the theme's shown mentions). The other
     * fields are the action's own: {@code assignee} (ASSIGN), {@code state} and {@code reason} (STATE), {@code add}
     * and {@code remove} (LABELS), {@code priority} and {@code reason} (PRIORITY), {@code reason} (HIDE).
     */
    public record Bulk(@Size(min = 1, max = 500) List<@NotNull UUID> ids, UUID themeId, @NotNull BulkAction action,
            @Size(max = MAX_NAME) String assignee, MentionState state, @Size(max = MAX_REASON) String reason,
            @Size(max = 20) List<@NotBlank @Size(max = MAX_LABEL) String> add,
            @Size(max = 20) List<@NotBlank @Size(max = MAX_LABEL) String> remove, MentionPriority priority) {
    }

    public record BulkResult(int count, List<MentionView> mentions) {
    }

    public record SavedReplyRequest(@NotBlank @Size(max = MAX_NAME) String name,
            @NotBlank @Size(max = 2000) String text) {
    }
}
