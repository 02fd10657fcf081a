CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "used_captcha_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"html" text NOT NULL,
	"text" text NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"suggestion_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "body_min_length" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "body_max_length" integer DEFAULT 5000 NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "submitter_types" text[] DEFAULT array['在校学生','教职工','校友','社会人士','单位或团体']::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "allow_anonymous" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "held_reason" text;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "intake_key" text;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "intake_meta" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "public_reply" text;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox_messages" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_intake_key_key" UNIQUE("intake_key");--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_body_lengths" CHECK ("plans"."body_min_length" >= 1 and "plans"."body_max_length" >= "plans"."body_min_length");