CREATE TABLE "plan_version_change_suggestions" (
	"change_id" integer NOT NULL,
	"suggestion_id" bigint NOT NULL,
	CONSTRAINT "plan_version_change_suggestions_change_id_suggestion_id_pk" PRIMARY KEY("change_id","suggestion_id")
);
--> statement-breakpoint
CREATE TABLE "plan_version_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_version_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version_id" integer NOT NULL,
	"section_key" integer NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_version_changes_version_section_key" UNIQUE("version_id","section_key")
);
--> statement-breakpoint
CREATE TABLE "plan_version_sections" (
	"version_id" integer NOT NULL,
	"position" integer NOT NULL,
	"section_key" integer NOT NULL,
	"level" smallint NOT NULL,
	"number" text NOT NULL,
	"heading" text NOT NULL,
	"body_markdown" text NOT NULL,
	CONSTRAINT "plan_version_sections_version_id_position_pk" PRIMARY KEY("version_id","position")
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"number" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by_id" integer,
	CONSTRAINT "plan_versions_plan_number_key" UNIQUE("plan_id","number")
);
--> statement-breakpoint
ALTER TABLE "plan_version_change_suggestions" ADD CONSTRAINT "plan_version_change_suggestions_change_id_plan_version_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."plan_version_changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version_change_suggestions" ADD CONSTRAINT "plan_version_change_suggestions_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version_changes" ADD CONSTRAINT "plan_version_changes_version_id_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version_sections" ADD CONSTRAINT "plan_version_sections_version_id_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_published_by_id_staff_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_version_change_suggestions_suggestion_idx" ON "plan_version_change_suggestions" USING btree ("suggestion_id","change_id");