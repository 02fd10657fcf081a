CREATE TABLE "plan_term_counts" (
	"plan_id" integer NOT NULL,
	"term" integer NOT NULL,
	"documents" integer NOT NULL,
	CONSTRAINT "plan_term_counts_plan_id_term_pk" PRIMARY KEY("plan_id","term")
);
--> statement-breakpoint
CREATE TABLE "suggestion_content_words" (
	"suggestion_id" bigint PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"terms" integer[] NOT NULL,
	"sentences" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "suggestion_similarities" ADD COLUMN "method" text DEFAULT 'shingle' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_term_counts" ADD CONSTRAINT "plan_term_counts_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_content_words" ADD CONSTRAINT "suggestion_content_words_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_content_words" ADD CONSTRAINT "suggestion_content_words_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_content_words_terms_idx" ON "suggestion_content_words" USING gin ("terms");