CREATE TABLE "category_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "category_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"category_id" integer,
	"tag_name" text,
	"keywords" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_fingerprints" (
	"suggestion_id" bigint PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"bands" integer[] NOT NULL,
	"cluster_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_proposals" (
	"suggestion_id" bigint PRIMARY KEY NOT NULL,
	"category_id" integer,
	"confidence" real,
	"source" text NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"category_prefilled" boolean DEFAULT false NOT NULL,
	"resolution" text,
	"resolved_by" integer,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_search" (
	"suggestion_id" bigint PRIMARY KEY NOT NULL,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	"index_version" text NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_similarities" (
	"suggestion_id" bigint NOT NULL,
	"similar_id" bigint NOT NULL,
	"score" real NOT NULL,
	CONSTRAINT "suggestion_similarities_suggestion_id_similar_id_pk" PRIMARY KEY("suggestion_id","similar_id")
);
--> statement-breakpoint
ALTER TABLE "category_rules" ADD CONSTRAINT "category_rules_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_rules" ADD CONSTRAINT "category_rules_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_fingerprints" ADD CONSTRAINT "suggestion_fingerprints_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_fingerprints" ADD CONSTRAINT "suggestion_fingerprints_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_proposals" ADD CONSTRAINT "suggestion_proposals_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_proposals" ADD CONSTRAINT "suggestion_proposals_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_proposals" ADD CONSTRAINT "suggestion_proposals_resolved_by_staff_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_search" ADD CONSTRAINT "suggestion_search_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_similarities" ADD CONSTRAINT "suggestion_similarities_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_similarities" ADD CONSTRAINT "suggestion_similarities_similar_id_suggestions_id_fk" FOREIGN KEY ("similar_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "category_rules_plan_idx" ON "category_rules" USING btree ("plan_id","id");--> statement-breakpoint
CREATE INDEX "suggestion_fingerprints_bands_idx" ON "suggestion_fingerprints" USING gin ("bands");--> statement-breakpoint
CREATE INDEX "suggestion_fingerprints_cluster_idx" ON "suggestion_fingerprints" USING btree ("plan_id","cluster_id");--> statement-breakpoint
CREATE INDEX "suggestion_search_vector_idx" ON "suggestion_search" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "suggestion_search_text_trgm_idx" ON "suggestion_search" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "suggestion_similarities_similar_idx" ON "suggestion_similarities" USING btree ("similar_id","suggestion_id");