ALTER TABLE "rate_buckets" DROP COLUMN "tokens";--> statement-breakpoint
ALTER TABLE "rate_buckets" DROP COLUMN "refilled_at";--> statement-breakpoint
ALTER TABLE "rate_buckets" DROP COLUMN "last_grant";