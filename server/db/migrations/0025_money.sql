CREATE TABLE "capital_plan_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"amount" bigint NOT NULL,
	"effective_from" date NOT NULL,
	"reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capital_plan_revisions_amount_ck" CHECK ("capital_plan_revisions"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "capital_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"code" text NOT NULL,
	"unit_id" integer NOT NULL,
	"task_id" integer,
	"project" text,
	"source" text NOT NULL,
	"year" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disbursement_thresholds" (
	"programme_id" integer NOT NULL,
	"by_day" text NOT NULL,
	"min_rate_bp" integer NOT NULL,
	CONSTRAINT "disbursement_thresholds_programme_id_by_day_pk" PRIMARY KEY("programme_id","by_day"),
	CONSTRAINT "disbursement_thresholds_rate_ck" CHECK ("disbursement_thresholds"."min_rate_bp" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "disbursements" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"paid_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"reference" text,
	"via" text DEFAULT 'manual' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disbursements_amount_ck" CHECK ("disbursements"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "capital_plan_revisions" ADD CONSTRAINT "capital_plan_revisions_plan_id_capital_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."capital_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capital_plan_revisions" ADD CONSTRAINT "capital_plan_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capital_plans" ADD CONSTRAINT "capital_plans_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capital_plans" ADD CONSTRAINT "capital_plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capital_plans" ADD CONSTRAINT "capital_plans_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capital_plans" ADD CONSTRAINT "capital_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursement_thresholds" ADD CONSTRAINT "disbursement_thresholds_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_plan_id_capital_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."capital_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capital_plan_revisions_plan_idx" ON "capital_plan_revisions" USING btree ("plan_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "capital_plans_code_uq" ON "capital_plans" USING btree ("programme_id","code");--> statement-breakpoint
CREATE INDEX "capital_plans_programme_year_idx" ON "capital_plans" USING btree ("programme_id","year","unit_id");--> statement-breakpoint
CREATE INDEX "capital_plans_task_idx" ON "capital_plans" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "disbursements_plan_paid_idx" ON "disbursements" USING btree ("plan_id","paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "disbursements_reference_uq" ON "disbursements" USING btree ("plan_id","reference");