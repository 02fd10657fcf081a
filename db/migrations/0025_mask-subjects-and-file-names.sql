ALTER TABLE "suggestion_text_originals" ADD COLUMN "attachment_names" "bytea";--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "masked_originals" "bytea";--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "contact_screen_version" smallint;--> statement-breakpoint
CREATE INDEX "inbound_emails_unscreened_idx" ON "inbound_emails" USING btree ("id") WHERE "inbound_emails"."contact_screen_version" is null;--> statement-breakpoint
-- Detector version 3 screens attachment file names (decision 058), unlabelled
-- postal addresses and names announced in prose (decision 057, update of
-- 2026-12-07): suggestions screened by an older version are screened again at
-- start-up, from their sealed originals where kept.
UPDATE "suggestions" SET "contact_screen_version" = NULL WHERE "contact_screen_version" < 3;
