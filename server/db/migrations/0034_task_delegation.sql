ALTER TABLE "tasks" ADD COLUMN "subtask_weight" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "progress_from_subtasks" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- hand-written
-- A task whose progress comes from its sub-tasks (decision 43): before any write of it, its
-- progress is the weighted mean of its open sub-tasks' (a done one counts 100, a cancelled one not
-- at all) and its first activity the earliest of theirs. A done task keeps its 100.
CREATE OR REPLACE FUNCTION steerboard_task_derive_progress() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  derived integer;
  first_day date;
BEGIN
  IF NEW.completed_on IS NOT NULL OR TG_OP = 'INSERT' THEN
    RETURN NEW;
  END IF;
  SELECT round(sum(c.subtask_weight * CASE WHEN c.completed_on IS NOT NULL THEN 100 ELSE c.progress END)::numeric
               / nullif(sum(c.subtask_weight), 0))::integer,
         min(c.first_activity_on)
    INTO derived, first_day
    FROM tasks c WHERE c.parent_id = NEW.id AND c.cancelled_on IS NULL;
  IF derived IS NOT NULL THEN
    NEW.progress := least(derived, 100);
  END IF;
  IF NEW.first_activity_on IS NULL THEN
    NEW.first_activity_on := first_day;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER tasks_derive_progress BEFORE UPDATE ON tasks
  FOR EACH ROW WHEN (NEW.progress_from_subtasks) EXECUTE FUNCTION steerboard_task_derive_progress();
--> statement-breakpoint
-- A sub-task that moves (progress, completion, cancellation, weight, first activity, parent)
-- touches its parent, which the trigger above recomputes; a parent whose progress moved touches
-- its own parent in turn. Rows without a parent never call the function (the WHEN clause).
CREATE OR REPLACE FUNCTION steerboard_task_touch_parent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' AND NEW.parent_id IS NOT NULL THEN
    UPDATE tasks SET progress = progress WHERE id = NEW.parent_id AND progress_from_subtasks;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.parent_id IS NOT NULL
     AND (TG_OP = 'DELETE' OR OLD.parent_id IS DISTINCT FROM NEW.parent_id) THEN
    UPDATE tasks SET progress = progress WHERE id = OLD.parent_id AND progress_from_subtasks;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tasks_touch_parent_ins AFTER INSERT ON tasks
  FOR EACH ROW WHEN (NEW.parent_id IS NOT NULL) EXECUTE FUNCTION steerboard_task_touch_parent();
--> statement-breakpoint
CREATE TRIGGER tasks_touch_parent_upd AFTER UPDATE ON tasks
  FOR EACH ROW WHEN ((NEW.parent_id IS NOT NULL OR OLD.parent_id IS NOT NULL)
    AND (NEW.progress, NEW.completed_on, NEW.cancelled_on, NEW.subtask_weight, NEW.first_activity_on, NEW.parent_id)
        IS DISTINCT FROM (OLD.progress, OLD.completed_on, OLD.cancelled_on, OLD.subtask_weight, OLD.first_activity_on, OLD.parent_id))
  EXECUTE FUNCTION steerboard_task_touch_parent();
--> statement-breakpoint
CREATE TRIGGER tasks_touch_parent_del AFTER DELETE ON tasks
  FOR EACH ROW WHEN (OLD.parent_id IS NOT NULL) EXECUTE FUNCTION steerboard_task_touch_parent();
