CREATE TYPE "public"."review_feedback_kind" AS ENUM('how-we-do-it', 'question', 'tip');--> statement-breakpoint
CREATE TYPE "public"."review_pair_source" AS ENUM('suggested', 'admin', 'org-file');--> statement-breakpoint
ALTER TYPE "public"."action_source" ADD VALUE 'review';--> statement-breakpoint
CREATE TABLE "peer_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sharing_unit_id" uuid NOT NULL,
	"reviewing_unit_id" uuid NOT NULL,
	"source_kind" "dialogue_kind" NOT NULL,
	"source_dialogue_id" uuid NOT NULL,
	"outcome" jsonb NOT NULL,
	"lang" text NOT NULL,
	"shared_by" uuid NOT NULL,
	"pair_id" uuid,
	"deadline" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"summary_comment" text,
	"summary_by" uuid,
	"summary_at" timestamp with time zone,
	CONSTRAINT "peer_reviews_not_self" CHECK ("peer_reviews"."sharing_unit_id" <> "peer_reviews"."reviewing_unit_id")
);
--> statement-breakpoint
CREATE TABLE "review_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"kind" "review_feedback_kind" NOT NULL,
	"text" text NOT NULL,
	"author_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"action_id" uuid,
	CONSTRAINT "review_feedback_action_only_tip" CHECK ("review_feedback"."action_id" is null or "review_feedback"."kind" = 'tip')
);
--> statement-breakpoint
CREATE TABLE "review_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"peer_unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"source" "review_pair_source" NOT NULL,
	"set_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_pairs_not_self" CHECK ("review_pairs"."unit_id" <> "review_pairs"."peer_unit_id")
);
--> statement-breakpoint
ALTER TABLE "peer_reviews" ADD CONSTRAINT "peer_reviews_sharing_unit_id_units_id_fk" FOREIGN KEY ("sharing_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_reviews" ADD CONSTRAINT "peer_reviews_reviewing_unit_id_units_id_fk" FOREIGN KEY ("reviewing_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_reviews" ADD CONSTRAINT "peer_reviews_source_dialogue_id_dialogues_id_fk" FOREIGN KEY ("source_dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_reviews" ADD CONSTRAINT "peer_reviews_shared_by_people_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_reviews" ADD CONSTRAINT "peer_reviews_pair_id_review_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."review_pairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_reviews" ADD CONSTRAINT "peer_reviews_summary_by_people_id_fk" FOREIGN KEY ("summary_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_feedback" ADD CONSTRAINT "review_feedback_review_id_peer_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."peer_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_feedback" ADD CONSTRAINT "review_feedback_author_person_id_people_id_fk" FOREIGN KEY ("author_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_feedback" ADD CONSTRAINT "review_feedback_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_pairs" ADD CONSTRAINT "review_pairs_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_pairs" ADD CONSTRAINT "review_pairs_peer_unit_id_units_id_fk" FOREIGN KEY ("peer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_pairs" ADD CONSTRAINT "review_pairs_set_by_people_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "peer_reviews_source_reviewer_uq" ON "peer_reviews" USING btree ("source_dialogue_id","reviewing_unit_id");--> statement-breakpoint
CREATE INDEX "peer_reviews_sharing_idx" ON "peer_reviews" USING btree ("sharing_unit_id","created_at");--> statement-breakpoint
CREATE INDEX "peer_reviews_reviewing_idx" ON "peer_reviews" USING btree ("reviewing_unit_id","created_at");--> statement-breakpoint
CREATE INDEX "peer_reviews_due_idx" ON "peer_reviews" USING btree ("deadline") WHERE "peer_reviews"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "review_feedback_review_idx" ON "review_feedback" USING btree ("review_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_feedback_action_uq" ON "review_feedback" USING btree ("action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_pairs_unit_period_uq" ON "review_pairs" USING btree ("unit_id","period");--> statement-breakpoint
CREATE INDEX "review_pairs_peer_idx" ON "review_pairs" USING btree ("peer_unit_id","period");