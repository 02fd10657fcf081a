CREATE TABLE "suggestion_tags" (
	"suggestion_id" bigint NOT NULL,
	"tag_id" integer NOT NULL,
	CONSTRAINT "suggestion_tags_suggestion_id_tag_id_pk" PRIMARY KEY("suggestion_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tags_plan_name_key" UNIQUE("plan_id","name")
);
--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "decision_reason" text;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "public_summary" text;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "publishable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "suggestion_tags" ADD CONSTRAINT "suggestion_tags_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_tags" ADD CONSTRAINT "suggestion_tags_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tags" ADD CONSTRAINT "tags_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_tags_tag_idx" ON "suggestion_tags" USING btree ("tag_id","suggestion_id");