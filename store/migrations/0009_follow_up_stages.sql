ALTER TABLE "actions" ADD COLUMN "nudged_stage" integer;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "escalated" boolean DEFAULT false NOT NULL;