CREATE TABLE "classifier_count_deltas" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "classifier_count_deltas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"label" text NOT NULL,
	"token" text NOT NULL,
	"delta" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classifier_counts" (
	"plan_id" integer NOT NULL,
	"label" text NOT NULL,
	"token" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "classifier_counts_plan_id_label_token_pk" PRIMARY KEY("plan_id","label","token")
);
--> statement-breakpoint
ALTER TABLE "classifier_count_deltas" ADD CONSTRAINT "classifier_count_deltas_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classifier_counts" ADD CONSTRAINT "classifier_counts_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "classifier_count_deltas_plan_idx" ON "classifier_count_deltas" USING btree ("plan_id");