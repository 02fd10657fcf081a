CREATE TABLE "submitter_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "submitter_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"suggestion_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "submitter_requests_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "publication_consent_changes" ALTER COLUMN "actor_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "publication_consent_changes" ADD COLUMN "changed_by" text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE "submitter_requests" ADD CONSTRAINT "submitter_requests_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submitter_requests_suggestion_idx" ON "submitter_requests" USING btree ("suggestion_id");--> statement-breakpoint
-- The export log and consent changes are records of contact acts: append-only
-- like audit_log (see 0007), for every role including the owner.
CREATE OR REPLACE FUNCTION contact_record_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER export_log_no_update_or_delete BEFORE UPDATE OR DELETE ON export_log FOR EACH ROW EXECUTE FUNCTION contact_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER export_log_no_truncate BEFORE TRUNCATE ON export_log FOR EACH STATEMENT EXECUTE FUNCTION contact_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER publication_consent_changes_no_update_or_delete BEFORE UPDATE OR DELETE ON publication_consent_changes FOR EACH ROW EXECUTE FUNCTION contact_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER publication_consent_changes_no_truncate BEFORE TRUNCATE ON publication_consent_changes FOR EACH STATEMENT EXECUTE FUNCTION contact_record_refuse_change();
--> statement-breakpoint
ALTER TABLE export_log ENABLE ALWAYS TRIGGER export_log_no_update_or_delete;
--> statement-breakpoint
ALTER TABLE export_log ENABLE ALWAYS TRIGGER export_log_no_truncate;
--> statement-breakpoint
ALTER TABLE publication_consent_changes ENABLE ALWAYS TRIGGER publication_consent_changes_no_update_or_delete;
--> statement-breakpoint
ALTER TABLE publication_consent_changes ENABLE ALWAYS TRIGGER publication_consent_changes_no_truncate;
