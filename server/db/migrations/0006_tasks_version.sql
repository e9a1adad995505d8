ALTER TABLE "programmes" ADD COLUMN "tasks_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Every write to a programme's tasks or their coordinators moves the programme's tasks_version,
-- once per statement (transition tables), so a bulk load of 200,000 tasks bumps it once.
CREATE OR REPLACE FUNCTION steerboard_bump_tasks_version() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'tasks' THEN
    IF TG_OP = 'INSERT' THEN
      UPDATE programmes SET tasks_version = tasks_version + 1 WHERE id IN (SELECT DISTINCT programme_id FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
      UPDATE programmes SET tasks_version = tasks_version + 1 WHERE id IN (SELECT DISTINCT programme_id FROM old_rows);
    ELSE
      -- Only what decides when a task is open and who leads it (progress and texts change often).
      UPDATE programmes SET tasks_version = tasks_version + 1 WHERE id IN (
        SELECT n.programme_id FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE (n.start_date, n.completed_on, n.cancelled_on, n.lead_unit_id, n.programme_id)
               IS DISTINCT FROM (o.start_date, o.completed_on, o.cancelled_on, o.lead_unit_id, o.programme_id)
        UNION
        SELECT o.programme_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.programme_id <> o.programme_id);
    END IF;
  ELSE
    IF TG_OP = 'INSERT' THEN
      UPDATE programmes SET tasks_version = tasks_version + 1
       WHERE id IN (SELECT DISTINCT t.programme_id FROM new_rows c JOIN tasks t ON t.id = c.task_id);
    ELSE
      UPDATE programmes SET tasks_version = tasks_version + 1
       WHERE id IN (SELECT DISTINCT t.programme_id FROM old_rows c JOIN tasks t ON t.id = c.task_id);
    END IF;
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER tasks_version_ins AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION steerboard_bump_tasks_version();
--> statement-breakpoint
CREATE TRIGGER tasks_version_upd AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION steerboard_bump_tasks_version();
--> statement-breakpoint
CREATE TRIGGER tasks_version_del AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION steerboard_bump_tasks_version();
--> statement-breakpoint
CREATE TRIGGER task_coordinators_version_ins AFTER INSERT ON task_coordinators REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION steerboard_bump_tasks_version();
--> statement-breakpoint
CREATE TRIGGER task_coordinators_version_del AFTER DELETE ON task_coordinators REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION steerboard_bump_tasks_version();
