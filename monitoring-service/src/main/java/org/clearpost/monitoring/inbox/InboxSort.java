package org.clearpost.monitoring.inbox;

/** The inbox's orders; each ends on the mention id so that paging is stable. */
public enum InboxSort {
    /** Received last first. */
    NEWEST("received_at DESC, mentioned_at DESC, id DESC"),
    /** Due soonest first; those without a due time (no response needed) last. */
    DUE("due_at ASC NULLS LAST, received_at DESC, id DESC"),
    /** CRITICAL first, then by due time. */
    PRIORITY("CASE priority WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END, "
            + "due_at ASC NULLS LAST, received_at DESC, id DESC");

    final String orderBy;

    InboxSort(String orderBy) {
        this.orderBy = orderBy;
    }
}
