CREATE TABLE "weekly_briefs" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"period" text NOT NULL,
	"format" text NOT NULL,
	"locale" text NOT NULL,
	"file_name" text NOT NULL,
	"content" "bytea" NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"as_of" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" integer,
	"took_ms" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "weekly_briefs" ADD CONSTRAINT "weekly_briefs_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_briefs" ADD CONSTRAINT "weekly_briefs_generated_by_users_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "weekly_briefs_key_uq" ON "weekly_briefs" USING btree ("programme_id","period","format","locale");--> statement-breakpoint
CREATE INDEX "weekly_briefs_programme_idx" ON "weekly_briefs" USING btree ("programme_id","generated_at");