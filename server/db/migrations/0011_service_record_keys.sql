CREATE TABLE "service_record_keys" (
	"source" text NOT NULL,
	"record_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"import_id" integer,
	CONSTRAINT "service_record_keys_source_record_id_pk" PRIMARY KEY("source","record_id")
);
