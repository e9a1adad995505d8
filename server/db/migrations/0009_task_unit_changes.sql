CREATE TABLE "task_unit_changes" (
	"programme_id" integer NOT NULL,
	"version" bigint NOT NULL,
	"unit_id" integer
);
--> statement-breakpoint
CREATE INDEX "task_unit_changes_idx" ON "task_unit_changes" USING btree ("programme_id","version");--> statement-breakpoint
-- Moves the tasks_version of the programmes among p_programmes and records, under the new
-- version, the units paired with them in p_units (null: any unit; more than 2,000 units in one
-- statement are recorded as one null). Keeps the last 10,000 versions of the record.
CREATE OR REPLACE FUNCTION steerboard_note_task_units(p_programmes integer[], p_units integer[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  WITH pairs AS (SELECT DISTINCT x.p, x.u FROM unnest(p_programmes, p_units) AS x(p, u) WHERE x.p IS NOT NULL),
  per AS (SELECT p, count(*) AS n FROM pairs GROUP BY p),
  bumped AS (
    UPDATE programmes SET tasks_version = tasks_version + 1
     WHERE id IN (SELECT p FROM per) RETURNING id, tasks_version)
  INSERT INTO task_unit_changes (programme_id, version, unit_id)
  SELECT b.id, b.tasks_version, x.u
    FROM bumped b JOIN per ON per.p = b.id
    CROSS JOIN LATERAL (
      SELECT pr.u FROM pairs pr WHERE pr.p = b.id AND per.n <= 2000
      UNION ALL SELECT NULL::integer WHERE per.n > 2000) x;
  DELETE FROM task_unit_changes c USING programmes p
   WHERE p.id = ANY(p_programmes) AND c.programme_id = p.id AND c.version <= p.tasks_version - 10000;
END $$;
--> statement-breakpoint
-- As in 0006 (once per statement; an update counts only when what decides when a task is open,
-- or who leads it, moved), now also naming the units whose expected reports may have changed:
-- the old and new lead units and the coordinators of the tasks, the coordinators written.
CREATE OR REPLACE FUNCTION steerboard_bump_tasks_version() RETURNS trigger AS $$
DECLARE
  v_p integer[];
  v_u integer[];
BEGIN
  IF TG_TABLE_NAME = 'tasks' THEN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(n.programme_id), array_agg(n.lead_unit_id) INTO v_p, v_u FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
      -- Their coordinators are gone with them (cascade): any unit may have changed.
      v_p := array(SELECT DISTINCT o.programme_id FROM old_rows o);
      v_u := array_fill(NULL::integer, ARRAY[cardinality(v_p)]);
    ELSE
      WITH moved AS (
        SELECT o.id, o.programme_id AS old_p, n.programme_id AS new_p, o.lead_unit_id AS old_u, n.lead_unit_id AS new_u
          FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE (n.start_date, n.completed_on, n.cancelled_on, n.lead_unit_id, n.programme_id)
               IS DISTINCT FROM (o.start_date, o.completed_on, o.cancelled_on, o.lead_unit_id, o.programme_id)),
      pairs AS (
        SELECT old_p AS p, old_u AS u FROM moved
        UNION ALL SELECT new_p, new_u FROM moved
        UNION ALL SELECT m.old_p, c.unit_id FROM moved m JOIN task_coordinators c ON c.task_id = m.id
        UNION ALL SELECT m.new_p, c.unit_id FROM moved m JOIN task_coordinators c ON c.task_id = m.id)
      SELECT array_agg(p), array_agg(u) INTO v_p, v_u FROM pairs;
    END IF;
  ELSE
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(t.programme_id), array_agg(c.unit_id) INTO v_p, v_u
        FROM new_rows c JOIN tasks t ON t.id = c.task_id;
    ELSE
      SELECT array_agg(t.programme_id), array_agg(c.unit_id) INTO v_p, v_u
        FROM old_rows c JOIN tasks t ON t.id = c.task_id;
    END IF;
  END IF;
  IF v_p IS NOT NULL THEN PERFORM steerboard_note_task_units(v_p, v_u); END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
