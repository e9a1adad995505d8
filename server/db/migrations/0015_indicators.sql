CREATE TABLE "indicator_targets" (
	"indicator_id" integer NOT NULL,
	"period" text NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "indicator_targets_indicator_id_period_pk" PRIMARY KEY("indicator_id","period")
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"source" text NOT NULL,
	"note" text,
	"entered_by" integer,
	"entered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"group_id" integer,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text,
	"name_ar" text,
	"description" text,
	"measure" text NOT NULL,
	"direction" text NOT NULL,
	"aggregation" text NOT NULL,
	"ratio_scale" double precision DEFAULT 100 NOT NULL,
	"allow_negative" boolean DEFAULT false NOT NULL,
	"cadence" text NOT NULL,
	"baseline" double precision,
	"baseline_period" text,
	"scoring_full_at" double precision DEFAULT 1 NOT NULL,
	"scoring_cap" double precision DEFAULT 1.2 NOT NULL,
	"source" text NOT NULL,
	"compute_key" text,
	"reporter_kinds" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_result_tasks" (
	"key_result_id" integer NOT NULL,
	"task_id" integer NOT NULL,
	CONSTRAINT "key_result_tasks_key_result_id_task_id_pk" PRIMARY KEY("key_result_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "key_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"objective_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"unit_id" integer,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	"start_date" date NOT NULL,
	"deadline" date NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objectives" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"group_id" integer,
	"code" text NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text,
	"title_ar" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_group_id_programme_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."programme_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_result_tasks" ADD CONSTRAINT "key_result_tasks_key_result_id_key_results_id_fk" FOREIGN KEY ("key_result_id") REFERENCES "public"."key_results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_result_tasks" ADD CONSTRAINT "key_result_tasks_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "public"."objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_results" ADD CONSTRAINT "key_results_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectives" ADD CONSTRAINT "objectives_group_id_programme_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."programme_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_values_latest_idx" ON "indicator_values" USING btree ("indicator_id","period","unit_id","entered_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_uq" ON "indicators" USING btree ("programme_id","code");--> statement-breakpoint
CREATE INDEX "key_result_tasks_task_idx" ON "key_result_tasks" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "key_results_objective_idx" ON "key_results" USING btree ("objective_id");--> statement-breakpoint
CREATE UNIQUE INDEX "objectives_code_uq" ON "objectives" USING btree ("programme_id","code");