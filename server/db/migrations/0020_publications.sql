CREATE TABLE "programme_publications" (
	"programme_id" integer PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"task_counts" boolean DEFAULT true NOT NULL,
	"warning_lists" boolean DEFAULT false NOT NULL,
	"service_indicators" boolean DEFAULT false NOT NULL,
	"indicator_codes" text[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
ALTER TABLE "programme_publications" ADD CONSTRAINT "programme_publications_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_publications" ADD CONSTRAINT "programme_publications_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "programme_publications_slug_uq" ON "programme_publications" USING btree ("slug");