ALTER TABLE "suggestions" ADD COLUMN "enriched_at" timestamp with time zone;--> statement-breakpoint
-- Until now a search row marked a finished enrichment (decision 085): carry that over, so the sweep does not redo them all.
UPDATE "suggestions" SET "enriched_at" = ss."indexed_at" FROM "suggestion_search" ss WHERE ss."suggestion_id" = "suggestions"."id";--> statement-breakpoint
CREATE INDEX "suggestions_unenriched_idx" ON "suggestions" USING btree ("id") WHERE "suggestions"."enriched_at" is null;--> statement-breakpoint
CREATE INDEX "suggestion_search_version_idx" ON "suggestion_search" USING btree ("index_version","suggestion_id");