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
ALTER TABLE "tasks" ADD COLUMN "recurrence" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "recurrence_day" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "series_id" integer;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "occurrence_period" text;--> statement-breakpoint
ALTER TABLE "task_imports" ADD CONSTRAINT "task_imports_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_imports" ADD CONSTRAINT "task_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_imports_programme_idx" ON "task_imports" USING btree ("programme_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_series_period_uq" ON "tasks" USING btree ("series_id","occurrence_period");--> statement-breakpoint
CREATE INDEX "tasks_recurring_idx" ON "tasks" USING btree ("programme_id") WHERE "tasks"."recurrence" is not null;