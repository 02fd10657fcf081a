CREATE TABLE "suggestion_supports" (
	"suggestion_id" bigint NOT NULL,
	"supporter_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suggestion_supports_suggestion_id_supporter_hash_pk" PRIMARY KEY("suggestion_id","supporter_hash")
);
--> statement-breakpoint
ALTER TABLE "suggestion_supports" ADD CONSTRAINT "suggestion_supports_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;