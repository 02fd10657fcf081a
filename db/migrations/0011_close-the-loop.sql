CREATE TYPE "public"."publication_consent" AS ENUM('named', 'anonymous', 'none');--> statement-breakpoint
CREATE TYPE "public"."satisfaction" AS ENUM('satisfied', 'basically_satisfied', 'dissatisfied');--> statement-breakpoint
CREATE TABLE "publication_consent_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "publication_consent_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"suggestion_id" bigint NOT NULL,
	"from_consent" "publication_consent" NOT NULL,
	"to_consent" "publication_consent" NOT NULL,
	"note" text NOT NULL,
	"actor_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"suggestion_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_ratings" (
	"suggestion_id" bigint PRIMARY KEY NOT NULL,
	"rating" "satisfaction" NOT NULL,
	"comment" text,
	"via" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_ratings_via" CHECK ("suggestion_ratings"."via" in ('track', 'email_link'))
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "short_window_reason" text;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "review_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "publication_consent" "publication_consent" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "publication_consent_changes" ADD CONSTRAINT "publication_consent_changes_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_consent_changes" ADD CONSTRAINT "publication_consent_changes_actor_id_staff_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_tokens" ADD CONSTRAINT "rating_tokens_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_ratings" ADD CONSTRAINT "suggestion_ratings_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publication_consent_changes_suggestion_idx" ON "publication_consent_changes" USING btree ("suggestion_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "rating_tokens_suggestion_idx" ON "rating_tokens" USING btree ("suggestion_id");