DROP INDEX "reflection_round_totals_unit_date_idx";--> statement-breakpoint
CREATE INDEX "reflection_round_totals_unit_date_idx" ON "reflection_round_totals" USING btree ("unit_id","round_date","principle","invited","answers","ratings","rating_sum");--> statement-breakpoint
ALTER TABLE "reflection_round_totals" DROP COLUMN "texts";