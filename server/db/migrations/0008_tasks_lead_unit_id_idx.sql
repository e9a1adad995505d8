DROP INDEX "tasks_lead_unit_idx";--> statement-breakpoint
CREATE INDEX "tasks_lead_unit_idx" ON "tasks" USING btree ("lead_unit_id","id");