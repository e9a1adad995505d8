CREATE TABLE "brief_recipients" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"locale" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "brief_sendings" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"brief_id" integer,
	"period" text NOT NULL,
	"format" text NOT NULL,
	"locale" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"trigger" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by" integer
);
--> statement-breakpoint
ALTER TABLE "brief_recipients" ADD CONSTRAINT "brief_recipients_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_recipients" ADD CONSTRAINT "brief_recipients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_sendings" ADD CONSTRAINT "brief_sendings_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_sendings" ADD CONSTRAINT "brief_sendings_brief_id_weekly_briefs_id_fk" FOREIGN KEY ("brief_id") REFERENCES "public"."weekly_briefs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_sendings" ADD CONSTRAINT "brief_sendings_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "brief_recipients_email_uq" ON "brief_recipients" USING btree ("programme_id","email");--> statement-breakpoint
CREATE INDEX "brief_sendings_programme_idx" ON "brief_sendings" USING btree ("programme_id","sent_at");