-- Encryption at rest (docs/decisions/060-encryption-at-rest.md). Contact
-- details, raw mail with its decoded text and sanitized HTML, outgoing mail
-- and TOTP secrets become bytea sealed with AES-256-GCM by the application. SQL cannot seal (the key never
-- reaches the database), so existing plaintext is converted to UTF-8 bytes
-- here and left with key_id NULL; every process seals those rows at start
-- (app/domain/crypto/sealed-tables.server.ts) before it serves.
ALTER TABLE "suggestion_contacts" ALTER COLUMN "name" SET DATA TYPE bytea USING convert_to("name", 'UTF8');--> statement-breakpoint
ALTER TABLE "suggestion_contacts" ALTER COLUMN "unit" SET DATA TYPE bytea USING convert_to("unit", 'UTF8');--> statement-breakpoint
ALTER TABLE "suggestion_contacts" ALTER COLUMN "phone" SET DATA TYPE bytea USING convert_to("phone", 'UTF8');--> statement-breakpoint
ALTER TABLE "suggestion_contacts" ALTER COLUMN "email" SET DATA TYPE bytea USING convert_to("email", 'UTF8');--> statement-breakpoint
ALTER TABLE "inbound_emails" ALTER COLUMN "raw" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_emails" ALTER COLUMN "text" SET DATA TYPE bytea USING convert_to("text", 'UTF8');--> statement-breakpoint
ALTER TABLE "inbound_emails" ALTER COLUMN "sanitized_html" SET DATA TYPE bytea USING convert_to("sanitized_html", 'UTF8');--> statement-breakpoint
ALTER TABLE "outbox_messages" ALTER COLUMN "to_address" SET DATA TYPE bytea USING convert_to("to_address", 'UTF8');--> statement-breakpoint
ALTER TABLE "outbox_messages" ALTER COLUMN "to_address" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ALTER COLUMN "html" SET DATA TYPE bytea USING convert_to("html", 'UTF8');--> statement-breakpoint
ALTER TABLE "outbox_messages" ALTER COLUMN "html" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ALTER COLUMN "text" SET DATA TYPE bytea USING convert_to("text", 'UTF8');--> statement-breakpoint
ALTER TABLE "outbox_messages" ALTER COLUMN "text" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_users" ALTER COLUMN "totp_secret" SET DATA TYPE bytea USING convert_to("totp_secret", 'UTF8');--> statement-breakpoint
ALTER TABLE "staff_users" ALTER COLUMN "totp_pending_secret" SET DATA TYPE bytea USING convert_to("totp_pending_secret", 'UTF8');--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "contact_retention_days" integer DEFAULT 180 NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "contacts_purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "participant_count_at_purge" integer;--> statement-breakpoint
ALTER TABLE "suggestion_contacts" ADD COLUMN "email_index" bytea;--> statement-breakpoint
ALTER TABLE "suggestion_contacts" ADD COLUMN "phone_index" bytea;--> statement-breakpoint
ALTER TABLE "suggestion_contacts" ADD COLUMN "phone_last4_index" bytea;--> statement-breakpoint
ALTER TABLE "suggestion_contacts" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "raw_head" bytea;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "content_purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "key_id" text;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "totp_key_id" text;--> statement-breakpoint
CREATE INDEX "suggestion_contacts_key_id_idx" ON "suggestion_contacts" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "inbound_emails_key_id_idx" ON "inbound_emails" USING btree ("key_id");--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_contact_retention_days" CHECK ("plans"."contact_retention_days" between 1 and 3650);