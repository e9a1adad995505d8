CREATE TABLE "service_record_months" (
	"unit_id" integer NOT NULL,
	"month" date NOT NULL,
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
	CONSTRAINT "service_record_months_unit_id_month_pk" PRIMARY KEY("unit_id","month")
);
