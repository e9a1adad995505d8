-- Reporting discipline and the warning list read, for every task of a programme, only when it
-- was open (start, completion, cancellation) and who leads it: a narrow covering index lets
-- PostgreSQL answer from the index alone (index-only scans, in parallel) instead of the wide rows.
CREATE INDEX IF NOT EXISTS "tasks_spans_idx" ON "tasks" ("programme_id") INCLUDE ("id", "lead_unit_id", "start_date", "completed_on", "cancelled_on");
