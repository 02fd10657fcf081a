ALTER TYPE "public"."suggestion_status" ADD VALUE 'duplicate';--> statement-breakpoint
ALTER TYPE "public"."suggestion_status" ADD VALUE 'spam';--> statement-breakpoint
CREATE TABLE "suggestion_note_mentions" (
	"note_id" bigint NOT NULL,
	"staff_user_id" integer NOT NULL,
	CONSTRAINT "suggestion_note_mentions_note_id_staff_user_id_pk" PRIMARY KEY("note_id","staff_user_id")
);
--> statement-breakpoint
CREATE TABLE "suggestion_notes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "suggestion_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"suggestion_id" bigint NOT NULL,
	"parent_id" bigint,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "assignee_id" integer;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "duplicate_of_id" bigint;--> statement-breakpoint
ALTER TABLE "suggestion_note_mentions" ADD CONSTRAINT "suggestion_note_mentions_note_id_suggestion_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."suggestion_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_note_mentions" ADD CONSTRAINT "suggestion_note_mentions_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_notes" ADD CONSTRAINT "suggestion_notes_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_notes" ADD CONSTRAINT "suggestion_notes_parent_id_suggestion_notes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."suggestion_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_notes" ADD CONSTRAINT "suggestion_notes_author_id_staff_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_note_mentions_staff_idx" ON "suggestion_note_mentions" USING btree ("staff_user_id","note_id");--> statement-breakpoint
CREATE INDEX "suggestion_notes_suggestion_idx" ON "suggestion_notes" USING btree ("suggestion_id","id");--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_assignee_id_staff_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_duplicate_of_id_suggestions_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestions_submitted_idx" ON "suggestions" USING btree ("submitted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "suggestions_updated_idx" ON "suggestions" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "suggestions_plan_status_submitted_idx" ON "suggestions" USING btree ("plan_id","status","submitted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "suggestions_plan_updated_idx" ON "suggestions" USING btree ("plan_id","updated_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "suggestions_status_submitted_idx" ON "suggestions" USING btree ("status","submitted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "suggestions_assignee_submitted_idx" ON "suggestions" USING btree ("assignee_id","submitted_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "suggestions"."assignee_id" is not null;--> statement-breakpoint
CREATE INDEX "suggestions_duplicate_of_idx" ON "suggestions" USING btree ("duplicate_of_id") WHERE "suggestions"."duplicate_of_id" is not null;--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id","id" DESC NULLS LAST);