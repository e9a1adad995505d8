DROP INDEX "disbursements_plan_paid_idx";--> statement-breakpoint
CREATE INDEX "disbursements_plan_paid_idx" ON "disbursements" USING btree ("plan_id","paid_on","amount");