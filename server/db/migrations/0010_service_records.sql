CREATE TABLE "record_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"format" text NOT NULL,
	"mode" text NOT NULL,
	"file_name" text,
	"status" text NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_imported" integer DEFAULT 0 NOT NULL,
	"rows_failed" integer DEFAULT 0 NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" integer,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "service_record_days" (
	"unit_id" integer NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"online" integer DEFAULT 0 NOT NULL,
	"synced" integer DEFAULT 0 NOT NULL,
	"digitised" integer DEFAULT 0 NOT NULL,
	"with_fee" integer DEFAULT 0 NOT NULL,
	"paid_online" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"result_electronic" integer DEFAULT 0 NOT NULL,
	"processing_seconds" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "service_record_days_unit_id_day_pk" PRIMARY KEY("unit_id","day")
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"source" text NOT NULL,
	"record_id" text NOT NULL,
	"procedure_code" text NOT NULL,
	"unit_id" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"synced" boolean NOT NULL,
	"documents_digitised" boolean NOT NULL,
	"result_digitised" boolean NOT NULL,
	"result_electronic" boolean NOT NULL,
	"has_fee" boolean NOT NULL,
	"paid_online" boolean NOT NULL,
	"due_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"supplement_requests" smallint DEFAULT 0 NOT NULL,
	"supplement_days" numeric(8, 2) DEFAULT 0 NOT NULL,
	"import_id" integer,
	CONSTRAINT "service_records_source_record_id_received_at_pk" PRIMARY KEY("source","record_id","received_at")
) PARTITION BY RANGE ("received_at");
--> statement-breakpoint
ALTER TABLE "record_imports" ADD CONSTRAINT "record_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_imports_started_idx" ON "record_imports" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "service_record_days_day_idx" ON "service_record_days" USING btree ("day");--> statement-breakpoint
-- One partition per calendar month in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), created by
-- the import before it writes a month for the first time (imports hold an advisory lock, so two
-- never race to create the same one). No default partition: a row outside every month would make
-- later partitions impossible to attach.
CREATE OR REPLACE FUNCTION steerboard_records_partition(month date) RETURNS void AS $$
DECLARE
  name text := 'service_records_' || to_char(month, 'YYYY_MM');
  lo timestamptz := (date_trunc('month', month)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh');
  hi timestamptz := ((date_trunc('month', month) + interval '1 month')::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh');
BEGIN
  IF to_regclass(name) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF service_records FOR VALUES FROM (%L) TO (%L)', name, lo, hi);
  END IF;
END $$ LANGUAGE plpgsql;
