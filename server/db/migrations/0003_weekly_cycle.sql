CREATE TABLE "progress_report_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"task_id" integer NOT NULL,
	"role" text NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"done" text DEFAULT '' NOT NULL,
	"next" text DEFAULT '' NOT NULL,
	"obstacles" text DEFAULT '' NOT NULL,
	"below_reason" text
);
--> statement-breakpoint
CREATE TABLE "progress_report_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"action" text NOT NULL,
	"comment" text,
	"revision" integer NOT NULL,
	"snapshot" jsonb
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by" integer,
	"returned_at" timestamp with time zone,
	"return_comment" text,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "days_off" (
	"day" date PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"key" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text DEFAULT 'running' NOT NULL,
	"detail" jsonb,
	CONSTRAINT "job_runs_job_key_pk" PRIMARY KEY("job","key")
);
--> statement-breakpoint
CREATE TABLE "warning_list_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"list_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"streak" integer DEFAULT 1 NOT NULL,
	"note" text,
	"removed_at" timestamp with time zone,
	"removed_by" integer,
	"removed_reason" text
);
--> statement-breakpoint
CREATE TABLE "warning_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"as_of" date NOT NULL,
	"note" text,
	"published_at" timestamp with time zone,
	"published_by" integer
);
--> statement-breakpoint
ALTER TABLE "progress_report_entries" ADD CONSTRAINT "progress_report_entries_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_report_entries" ADD CONSTRAINT "progress_report_entries_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_report_events" ADD CONSTRAINT "progress_report_events_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_report_events" ADD CONSTRAINT "progress_report_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_list_units" ADD CONSTRAINT "warning_list_units_list_id_warning_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."warning_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_list_units" ADD CONSTRAINT "warning_list_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_list_units" ADD CONSTRAINT "warning_list_units_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_lists" ADD CONSTRAINT "warning_lists_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_lists" ADD CONSTRAINT "warning_lists_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "progress_report_entries_uq" ON "progress_report_entries" USING btree ("report_id","task_id");--> statement-breakpoint
CREATE INDEX "progress_report_entries_task_idx" ON "progress_report_entries" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "progress_report_events_report_idx" ON "progress_report_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_reports_unit_period_uq" ON "progress_reports" USING btree ("programme_id","unit_id","period");--> statement-breakpoint
CREATE INDEX "progress_reports_period_idx" ON "progress_reports" USING btree ("programme_id","period","status");--> statement-breakpoint
CREATE UNIQUE INDEX "warning_list_units_uq" ON "warning_list_units" USING btree ("list_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "warning_lists_period_uq" ON "warning_lists" USING btree ("programme_id","period");