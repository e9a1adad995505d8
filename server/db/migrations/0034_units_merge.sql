ALTER TABLE "units" ADD COLUMN "merged_into_id" integer;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "merged_on" date;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "merged_from_parent_id" integer;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "exists_from" date;--> statement-breakpoint
CREATE INDEX "units_merged_into_idx" ON "units" USING btree ("merged_into_id") WHERE "units"."merged_into_id" is not null;