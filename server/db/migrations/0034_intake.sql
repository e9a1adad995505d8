CREATE TABLE "account_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "task_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"created_by" integer,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text NOT NULL,
	"content" "bytea" NOT NULL,
	"status" text DEFAULT 'previewed' NOT NULL,
	"result" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "merged_into_id" integer;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "merged_on" date;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "merged_from_parent_id" integer;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "exists_from" date;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "kind" text DEFAULT 'directive' NOT NULL;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "summary" text;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "supersedes_id" integer;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "file_name" text;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "file_media_type" text;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "file_size" bigint;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "file_sha256" text;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "file_storage_key" text;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "file_uploaded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "directives" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "steering_body_vi" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "steering_body_en" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "steering_body_ar" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "subtask_weight" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "progress_from_subtasks" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "recurrence" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "recurrence_day" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "series_id" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "occurrence_period" text;--> statement-breakpoint
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_imports" ADD CONSTRAINT "task_imports_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_imports" ADD CONSTRAINT "task_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_tokens_hash_uq" ON "account_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "account_tokens_user_idx" ON "account_tokens" USING btree ("user_id","purpose","created_at");--> statement-breakpoint
CREATE INDEX "task_imports_programme_idx" ON "task_imports" USING btree ("programme_id","created_at");--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_supersedes_id_directives_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "units_merged_into_idx" ON "units" USING btree ("merged_into_id") WHERE "units"."merged_into_id" is not null;--> statement-breakpoint
CREATE INDEX "directives_supersedes_idx" ON "directives" USING btree ("supersedes_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_series_period_uq" ON "tasks" USING btree ("series_id","occurrence_period");--> statement-breakpoint
CREATE INDEX "tasks_recurring_idx" ON "tasks" USING btree ("programme_id") WHERE "tasks"."recurrence" is not null;--> statement-breakpoint
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
--> statement-breakpoint
-- Indicators' units of measure become codes of shared/measures.ts where the words are known
-- (decision 40); any other measure stays as written (the free-text fallback).
update indicators i set measure = m.code
  from (values
    ('%', 'percent'),
    ('%/năm', 'percent_per_year'),
    ('%/year', 'percent_per_year'),
    ('ngày', 'days'),
    ('days', 'days'),
    ('giờ', 'hours'),
    ('hours', 'hours'),
    ('người', 'people'),
    ('people', 'people'),
    ('doanh nghiệp', 'businesses'),
    ('businesses', 'businesses'),
    ('đơn vị', 'units'),
    ('units', 'units'),
    ('hồ sơ', 'records'),
    ('records', 'records'),
    ('thủ tục', 'procedures'),
    ('procedures', 'procedures'),
    ('hệ thống', 'systems'),
    ('systems', 'systems'),
    ('cơ sở dữ liệu', 'datasets'),
    ('datasets', 'datasets'),
    ('nhiệm vụ', 'tasks'),
    ('tasks', 'tasks'),
    ('lần', 'times'),
    ('times', 'times'),
    ('điểm', 'points'),
    ('points', 'points'),
    ('đồng', 'vnd'),
    ('vnd', 'vnd'),
    ('triệu đồng', 'million_vnd'),
    ('million vnd', 'million_vnd'),
    ('tỷ đồng', 'billion_vnd'),
    ('billion vnd', 'billion_vnd'),
    ('tỉ đồng', 'billion_vnd'),
    ('tỷ', 'billion_vnd'),
    ('phần trăm', 'percent'),
    ('vnđ', 'vnd'),
    ('lượt', 'times')
  ) as m(words, code)
 where lower(btrim(i.measure)) = m.words;
