DROP INDEX "suggestions_submitted_idx";--> statement-breakpoint
DROP INDEX "suggestions_updated_idx";--> statement-breakpoint
DROP INDEX "suggestions_plan_status_submitted_idx";--> statement-breakpoint
DROP INDEX "suggestions_plan_updated_idx";--> statement-breakpoint
DROP INDEX "suggestions_status_submitted_idx";--> statement-breakpoint
DROP INDEX "suggestions_assignee_submitted_idx";--> statement-breakpoint
CREATE INDEX "suggestions_submitted_idx" ON "suggestions" USING btree ("submitted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "suggestions_updated_idx" ON "suggestions" USING btree ("updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "suggestions_plan_status_submitted_idx" ON "suggestions" USING btree ("plan_id","status","submitted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "suggestions_plan_updated_idx" ON "suggestions" USING btree ("plan_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "suggestions_status_submitted_idx" ON "suggestions" USING btree ("status","submitted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "suggestions_assignee_submitted_idx" ON "suggestions" USING btree ("assignee_id","submitted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "suggestions"."assignee_id" is not null;