-- Issue 11: the overdue sweep (sla.OverdueMentions) looks every minute for open mentions past their due time and not
-- yet marked. The partial index holds only those candidates, so the sweep is a short range scan however many
-- mentions are stored, and a mention leaves the index once it is marked, answered or closed.
CREATE INDEX mention_overdue_sweep ON mention (due_at)
    WHERE due_at IS NOT NULL AND overdue_at IS NULL AND status IN ('NEW', 'ASSIGNED') AND NOT hidden;
