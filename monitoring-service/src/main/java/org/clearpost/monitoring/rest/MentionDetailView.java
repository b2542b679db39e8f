package org.clearpost.monitoring.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.clearpost.monitoring.inbox.HistoryEntry;
import org.clearpost.monitoring.inbox.MentionNote;

/** One mention with its notes and its audit trail (oldest first), the mention's fields at the top level. */
public record MentionDetailView(@JsonUnwrapped MentionView mention, List<MentionNote> notes,
        List<HistoryEntry> history) {
}
