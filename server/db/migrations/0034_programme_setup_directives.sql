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
ALTER TABLE "directives" ADD CONSTRAINT "directives_supersedes_id_directives_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directives_supersedes_idx" ON "directives" USING btree ("supersedes_id");