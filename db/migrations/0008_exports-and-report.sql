CREATE TABLE "export_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "export_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" integer,
	"plan_id" integer,
	"format" text NOT NULL,
	"filter" jsonb NOT NULL,
	"row_count" integer NOT NULL,
	"included_contacts" boolean NOT NULL,
	"completed" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "report_published_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "export_log_at_idx" ON "export_log" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "suggestions_plan_submitted_idx" ON "suggestions" USING btree ("plan_id","submitted_at");