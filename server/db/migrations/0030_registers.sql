CREATE TABLE "obstacle_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"obstacle_id" integer NOT NULL,
	"status" text NOT NULL,
	"effective_on" date NOT NULL,
	"note" text,
	"actor_id" integer,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "obstacle_tasks" (
	"obstacle_id" integer NOT NULL,
	"task_id" integer NOT NULL,
	CONSTRAINT "obstacle_tasks_obstacle_id_task_id_pk" PRIMARY KEY("obstacle_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "obstacle_units" (
	"obstacle_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	CONSTRAINT "obstacle_units_obstacle_id_unit_id_pk" PRIMARY KEY("obstacle_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "obstacles" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"severity" text DEFAULT 'medium' NOT NULL,
	"raised_by_unit_id" integer NOT NULL,
	"report_id" integer,
	"report_task_id" integer,
	"owner_unit_id" integer NOT NULL,
	"raised_on" date NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"resolved_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_accelerations" (
	"task_id" integer PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"note" text,
	"marked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"from_unit_id" integer NOT NULL,
	"to_unit_id" integer NOT NULL,
	"content" text NOT NULL,
	"submitted_on" date NOT NULL,
	"answer_due_on" date NOT NULL,
	"answer" text,
	"answered_on" date,
	"answered_by" integer,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_settings" (
	"programme_id" integer PRIMARY KEY NOT NULL,
	"answer_working_days" integer DEFAULT 15 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "obstacle_events" ADD CONSTRAINT "obstacle_events_obstacle_id_obstacles_id_fk" FOREIGN KEY ("obstacle_id") REFERENCES "public"."obstacles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle_events" ADD CONSTRAINT "obstacle_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle_tasks" ADD CONSTRAINT "obstacle_tasks_obstacle_id_obstacles_id_fk" FOREIGN KEY ("obstacle_id") REFERENCES "public"."obstacles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle_tasks" ADD CONSTRAINT "obstacle_tasks_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle_units" ADD CONSTRAINT "obstacle_units_obstacle_id_obstacles_id_fk" FOREIGN KEY ("obstacle_id") REFERENCES "public"."obstacles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacle_units" ADD CONSTRAINT "obstacle_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacles" ADD CONSTRAINT "obstacles_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacles" ADD CONSTRAINT "obstacles_raised_by_unit_id_units_id_fk" FOREIGN KEY ("raised_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacles" ADD CONSTRAINT "obstacles_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacles" ADD CONSTRAINT "obstacles_report_task_id_tasks_id_fk" FOREIGN KEY ("report_task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacles" ADD CONSTRAINT "obstacles_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obstacles" ADD CONSTRAINT "obstacles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_accelerations" ADD CONSTRAINT "pilot_accelerations_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_accelerations" ADD CONSTRAINT "pilot_accelerations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_settings" ADD CONSTRAINT "register_settings_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "obstacle_events_obstacle_idx" ON "obstacle_events" USING btree ("obstacle_id","effective_on");--> statement-breakpoint
CREATE INDEX "obstacle_tasks_task_idx" ON "obstacle_tasks" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "obstacle_units_unit_idx" ON "obstacle_units" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "obstacles_programme_idx" ON "obstacles" USING btree ("programme_id","status");--> statement-breakpoint
CREATE INDEX "obstacles_owner_idx" ON "obstacles" USING btree ("owner_unit_id");--> statement-breakpoint
CREATE INDEX "obstacles_raised_by_idx" ON "obstacles" USING btree ("raised_by_unit_id");--> statement-breakpoint
CREATE INDEX "obstacles_report_idx" ON "obstacles" USING btree ("report_id","report_task_id");--> statement-breakpoint
CREATE INDEX "recommendations_to_idx" ON "recommendations" USING btree ("programme_id","to_unit_id","answer_due_on");--> statement-breakpoint
CREATE INDEX "recommendations_from_idx" ON "recommendations" USING btree ("from_unit_id");