ALTER TABLE "imap_sync_state" ADD COLUMN "failing_uid" bigint;--> statement-breakpoint
ALTER TABLE "imap_sync_state" ADD COLUMN "failing_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "imap_sync_state" ADD COLUMN "failing_error" text;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "status_detail" jsonb;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "text" text;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "attachment_list" jsonb;--> statement-breakpoint
-- Earlier versions stored an error as "parse_error: message": keep the code, move the message to the detail.
UPDATE "inbound_emails" SET "status_detail" = jsonb_build_object('error', btrim(substr("status_reason", strpos("status_reason", ':') + 1))), "status_reason" = split_part("status_reason", ':', 1) WHERE "status" = 'held' AND ("status_reason" LIKE 'parse\_error:%' OR "status_reason" LIKE 'processing\_error:%');
