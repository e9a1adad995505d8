CREATE TABLE "task_overdue_by_unit" (
	"programme_id" integer NOT NULL,
	"as_of" date NOT NULL,
	"lead_unit_id" integer NOT NULL,
	"group_id" integer NOT NULL,
	"kind" text NOT NULL,
	"overdue" integer NOT NULL,
	"total" integer NOT NULL,
	CONSTRAINT "task_overdue_by_unit_programme_id_as_of_group_id_kind_lead_unit_id_pk" PRIMARY KEY("programme_id","as_of","group_id","kind","lead_unit_id")
);
--> statement-breakpoint
CREATE TABLE "task_rollup_dates" (
	"programme_id" integer NOT NULL,
	"as_of" date NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_rollup_dates_programme_id_as_of_pk" PRIMARY KEY("programme_id","as_of")
);
--> statement-breakpoint
CREATE TABLE "task_state_counts" (
	"programme_id" integer NOT NULL,
	"as_of" date NOT NULL,
	"assigned_level" text NOT NULL,
	"group_id" integer NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "task_state_counts_programme_id_as_of_assigned_level_group_id_kind_state_pk" PRIMARY KEY("programme_id","as_of","assigned_level","group_id","kind","state")
);
--> statement-breakpoint
ALTER TABLE "task_rollup_dates" ADD CONSTRAINT "task_rollup_dates_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The state of a task as of p_d given the deadline in force then, and with it: the SQL twin of
-- server/modules/tasks/task-state.sql.ts for one row (the rollup test proves that the rollups
-- kept with it equal the direct query).
CREATE OR REPLACE FUNCTION steerboard_task_state(p_completed date, p_first date, p_deadline_asof date, p_d date)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN p_completed IS NOT NULL AND p_completed <= p_d
      THEN CASE WHEN p_completed <= p_deadline_asof THEN 'done_on_time' ELSE 'done_late' END
    WHEN p_deadline_asof < p_d THEN 'overdue'
    WHEN p_first IS NULL OR p_first > p_d THEN 'not_started'
    ELSE 'in_progress' END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION steerboard_task_state_as_of(p_id integer, p_completed date, p_first date,
  p_deadline date, p_original date, p_effective_from date, p_d date) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT steerboard_task_state(p_completed, p_first,
    CASE WHEN p_effective_from IS NULL OR p_effective_from <= p_d THEN p_deadline
    ELSE coalesce((SELECT c.deadline FROM task_deadline_changes c
                    WHERE c.task_id = p_id AND c.effective_from <= p_d
                    ORDER BY c.effective_from DESC, c.id DESC LIMIT 1), p_original) END, p_d)
$$;
--> statement-breakpoint
-- Takes the old rows' contributions out of, and puts the new rows' into, both rollups for every
-- date kept for their programme: one upsert per rollup, keys whose sum is zero skipped.
CREATE OR REPLACE FUNCTION steerboard_task_rollup_apply(p_old tasks[], p_new tasks[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH delta AS (
    SELECT r.programme_id, d.as_of, r.assigned_level, coalesce(r.group_id, 0) AS group_id, r.kind,
           r.lead_unit_id, r.sign,
           steerboard_task_state_as_of(r.id, r.completed_on, r.first_activity_on, r.deadline,
                                       r.original_deadline, r.deadline_effective_from, d.as_of) AS state
      FROM (SELECT o.*, -1 AS sign FROM unnest(p_old) o UNION ALL SELECT n.*, 1 AS sign FROM unnest(p_new) n) r
      JOIN task_rollup_dates d ON d.programme_id = r.programme_id),
  counts AS (
    INSERT INTO task_state_counts AS s (programme_id, as_of, assigned_level, group_id, kind, state, n)
    SELECT programme_id, as_of, assigned_level, group_id, kind, state, sum(sign)::integer
      FROM delta GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(sign) <> 0
    ON CONFLICT (programme_id, as_of, assigned_level, group_id, kind, state) DO UPDATE SET n = s.n + excluded.n)
  INSERT INTO task_overdue_by_unit AS s (programme_id, as_of, lead_unit_id, group_id, kind, overdue, total)
  SELECT programme_id, as_of, lead_unit_id, group_id, kind,
         coalesce(sum(sign) FILTER (WHERE state = 'overdue'), 0)::integer, sum(sign)::integer
    FROM (SELECT programme_id, as_of, lead_unit_id, group_id, kind, state, sign FROM delta
          UNION ALL SELECT programme_id, as_of, lead_unit_id, -1, '', state, sign FROM delta) a
   GROUP BY 1, 2, 3, 4, 5
  HAVING coalesce(sum(sign) FILTER (WHERE state = 'overdue'), 0) <> 0 OR sum(sign) <> 0
  ON CONFLICT (programme_id, as_of, lead_unit_id, group_id, kind)
    DO UPDATE SET overdue = s.overdue + excluded.overdue, total = s.total + excluded.total;
END $$;
--> statement-breakpoint
-- Tasks: once per statement (a bulk load of 200,000 tasks, with no date kept yet, costs one
-- check); an update counts only when something the state or the rollups' keys depend on moved.
CREATE OR REPLACE FUNCTION steerboard_task_rollup_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM task_rollup_dates) THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM steerboard_task_rollup_apply(NULL, array(SELECT n::tasks FROM new_rows n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM steerboard_task_rollup_apply(array(SELECT o::tasks FROM old_rows o), NULL);
  ELSE
    PERFORM steerboard_task_rollup_apply(
      array(SELECT o::tasks FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE (o.programme_id, o.assigned_level, o.group_id, o.kind, o.lead_unit_id, o.completed_on,
                    o.first_activity_on, o.deadline, o.original_deadline, o.deadline_effective_from)
                   IS DISTINCT FROM
                   (n.programme_id, n.assigned_level, n.group_id, n.kind, n.lead_unit_id, n.completed_on,
                    n.first_activity_on, n.deadline, n.original_deadline, n.deadline_effective_from)),
      array(SELECT n::tasks FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE (o.programme_id, o.assigned_level, o.group_id, o.kind, o.lead_unit_id, o.completed_on,
                    o.first_activity_on, o.deadline, o.original_deadline, o.deadline_effective_from)
                   IS DISTINCT FROM
                   (n.programme_id, n.assigned_level, n.group_id, n.kind, n.lead_unit_id, n.completed_on,
                    n.first_activity_on, n.deadline, n.original_deadline, n.deadline_effective_from)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tasks_rollup_ins AFTER INSERT ON tasks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION steerboard_task_rollup_tasks();
--> statement-breakpoint
CREATE TRIGGER tasks_rollup_upd AFTER UPDATE ON tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION steerboard_task_rollup_tasks();
--> statement-breakpoint
CREATE TRIGGER tasks_rollup_del AFTER DELETE ON tasks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION steerboard_task_rollup_tasks();
--> statement-breakpoint
-- Deadline changes decide the deadline in force on past dates. Once per statement: each affected
-- task's state with the changes as they were before the statement (the current ones less the
-- statement's new rows, plus its old rows) is taken out, and with the current ones put back.
CREATE OR REPLACE FUNCTION steerboard_task_rollup_deadline_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_new_ids integer[] := '{}';
  v_old task_deadline_changes[] := '{}';
  v_tasks integer[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM task_rollup_dates) THEN RETURN NULL; END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN v_new_ids := array(SELECT n.id FROM new_rows n); END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN v_old := array(SELECT o FROM old_rows o); END IF;
  v_tasks := array(SELECT c.task_id FROM task_deadline_changes c WHERE c.id = ANY(v_new_ids)
                   UNION SELECT o.task_id FROM unnest(v_old) o);
  WITH delta AS (
    SELECT t.programme_id, d.as_of, t.assigned_level, coalesce(t.group_id, 0) AS group_id, t.kind,
           t.lead_unit_id, s.sign, steerboard_task_state(t.completed_on, t.first_activity_on, s.dl, d.as_of) AS state
      FROM tasks t
      JOIN task_rollup_dates d ON d.programme_id = t.programme_id
      CROSS JOIN LATERAL (
        SELECT 1 AS sign, CASE WHEN t.deadline_effective_from IS NULL OR t.deadline_effective_from <= d.as_of
          THEN t.deadline ELSE coalesce((SELECT c.deadline FROM task_deadline_changes c
            WHERE c.task_id = t.id AND c.effective_from <= d.as_of
            ORDER BY c.effective_from DESC, c.id DESC LIMIT 1), t.original_deadline) END AS dl
        UNION ALL
        SELECT -1, CASE WHEN t.deadline_effective_from IS NULL OR t.deadline_effective_from <= d.as_of
          THEN t.deadline ELSE coalesce((SELECT b.deadline FROM (
              SELECT c.id, c.deadline, c.effective_from FROM task_deadline_changes c
               WHERE c.task_id = t.id AND c.id <> ALL(v_new_ids)
              UNION ALL
              SELECT o.id, o.deadline, o.effective_from FROM unnest(v_old) o WHERE o.task_id = t.id) b
            WHERE b.effective_from <= d.as_of
            ORDER BY b.effective_from DESC, b.id DESC LIMIT 1), t.original_deadline) END) s
     WHERE t.id = ANY(v_tasks)),
  counts AS (
    INSERT INTO task_state_counts AS s (programme_id, as_of, assigned_level, group_id, kind, state, n)
    SELECT programme_id, as_of, assigned_level, group_id, kind, state, sum(sign)::integer
      FROM delta GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(sign) <> 0
    ON CONFLICT (programme_id, as_of, assigned_level, group_id, kind, state) DO UPDATE SET n = s.n + excluded.n)
  INSERT INTO task_overdue_by_unit AS s (programme_id, as_of, lead_unit_id, group_id, kind, overdue, total)
  SELECT programme_id, as_of, lead_unit_id, group_id, kind,
         coalesce(sum(sign) FILTER (WHERE state = 'overdue'), 0)::integer, sum(sign)::integer
    FROM (SELECT programme_id, as_of, lead_unit_id, group_id, kind, state, sign FROM delta
          UNION ALL SELECT programme_id, as_of, lead_unit_id, -1, '', state, sign FROM delta) a
   GROUP BY 1, 2, 3, 4, 5
  HAVING coalesce(sum(sign) FILTER (WHERE state = 'overdue'), 0) <> 0 OR sum(sign) <> 0
  ON CONFLICT (programme_id, as_of, lead_unit_id, group_id, kind)
    DO UPDATE SET overdue = s.overdue + excluded.overdue, total = s.total + excluded.total;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER task_deadline_changes_rollup_ins AFTER INSERT ON task_deadline_changes REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION steerboard_task_rollup_deadline_changes();
--> statement-breakpoint
CREATE TRIGGER task_deadline_changes_rollup_upd AFTER UPDATE ON task_deadline_changes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION steerboard_task_rollup_deadline_changes();
--> statement-breakpoint
CREATE TRIGGER task_deadline_changes_rollup_del AFTER DELETE ON task_deadline_changes REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION steerboard_task_rollup_deadline_changes();
