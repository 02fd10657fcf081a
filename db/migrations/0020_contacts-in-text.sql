CREATE TABLE "suggestion_text_originals" (
	"suggestion_id" bigint PRIMARY KEY NOT NULL,
	"title" "bytea",
	"body" "bytea",
	"attachment_texts" "bytea",
	"key_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "contact_screen_version" smallint;--> statement-breakpoint
ALTER TABLE "suggestion_text_originals" ADD CONSTRAINT "suggestion_text_originals_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_text_originals_key_id_idx" ON "suggestion_text_originals" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "suggestions_unscreened_idx" ON "suggestions" USING btree ("id") WHERE "suggestions"."contact_screen_version" is null;