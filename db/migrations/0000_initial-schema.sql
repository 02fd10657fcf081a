CREATE TYPE "public"."plan_status" AS ENUM('draft', 'open', 'closed', 'archived');--> statement-breakpoint
CREATE TYPE "public"."suggestion_channel" AS ENUM('web', 'email', 'letter', 'phone', 'visit', 'symposium');--> statement-breakpoint
CREATE TYPE "public"."suggestion_status" AS ENUM('pending_verification', 'received', 'in_review', 'adopted', 'partially_adopted', 'not_adopted');--> statement-breakpoint
CREATE TABLE "categories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	CONSTRAINT "categories_plan_name_key" UNIQUE("plan_id","name")
);
--> statement-breakpoint
CREATE TABLE "plan_sections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_sections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"position" integer NOT NULL,
	"level" smallint DEFAULT 1 NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"heading" text NOT NULL,
	"body_markdown" text DEFAULT '' NOT NULL,
	CONSTRAINT "plan_sections_plan_position_key" UNIQUE("plan_id","position"),
	CONSTRAINT "plan_sections_level" CHECK ("plan_sections"."level" in (1, 2))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"organizer" text DEFAULT '' NOT NULL,
	"status" "plan_status" DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"email_marker" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_slug_key" UNIQUE("slug"),
	CONSTRAINT "plans_slug_format" CHECK ("plans"."slug" ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
	CONSTRAINT "plans_window_order" CHECK ("plans"."closes_at" is null or "plans"."opens_at" is null or "plans"."closes_at" > "plans"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"suggestion_id" bigint NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_size" CHECK ("attachments"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "suggestion_contacts" (
	"suggestion_id" bigint PRIMARY KEY NOT NULL,
	"name" text,
	"unit" text,
	"phone" text,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "suggestions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"tracking_code" text NOT NULL,
	"plan_id" integer NOT NULL,
	"section_id" integer,
	"category_id" integer,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"channel" "suggestion_channel" NOT NULL,
	"submitter_type" text NOT NULL,
	"status" "suggestion_status" DEFAULT 'received' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestions_tracking_code_key" UNIQUE("tracking_code")
);
--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sections" ADD CONSTRAINT "plan_sections_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_contacts" ADD CONSTRAINT "suggestion_contacts_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_section_id_plan_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."plan_sections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "categories_plan_position_idx" ON "categories" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "plans_status_opens_at_idx" ON "plans" USING btree ("status","opens_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "attachments_suggestion_idx" ON "attachments" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "suggestions_plan_id_idx" ON "suggestions" USING btree ("plan_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "suggestions_status_id_idx" ON "suggestions" USING btree ("status","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "suggestions_section_idx" ON "suggestions" USING btree ("section_id");--> statement-breakpoint
CREATE INDEX "suggestions_category_idx" ON "suggestions" USING btree ("category_id");