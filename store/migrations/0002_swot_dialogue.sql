CREATE TYPE "public"."dialogue_kind" AS ENUM('swot', 'risk');--> statement-breakpoint
CREATE TYPE "public"."swot_quadrant" AS ENUM('strengths', 'weaknesses', 'opportunities', 'threats');--> statement-breakpoint
CREATE TYPE "public"."action_effect" AS ENUM('yes', 'partly', 'no');--> statement-breakpoint
CREATE TYPE "public"."action_source" AS ENUM('swot', 'risk', 'manual');--> statement-breakpoint
CREATE TYPE "public"."action_status" AS ENUM('open', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."risk_source" AS ENUM('swot');--> statement-breakpoint
CREATE TYPE "public"."risk_status" AS ENUM('pending');--> statement-breakpoint
CREATE TABLE "dialogues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "dialogue_kind" NOT NULL,
	"unit_id" uuid NOT NULL,
	"platform" "platform" NOT NULL,
	"workspace" text DEFAULT '' NOT NULL,
	"channel_id" text NOT NULL,
	"topic" text NOT NULL,
	"phase" text NOT NULL,
	"deadline" timestamp with time zone,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lang" text NOT NULL,
	"alongside" boolean DEFAULT false NOT NULL,
	"started_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "swot_ballots" (
	"dialogue_id" uuid NOT NULL,
	"voter_id" uuid NOT NULL,
	"used" integer NOT NULL,
	"votes_limit" integer NOT NULL,
	CONSTRAINT "swot_ballots_dialogue_id_voter_id_pk" PRIMARY KEY("dialogue_id","voter_id"),
	CONSTRAINT "swot_ballots_within_limit" CHECK ("swot_ballots"."used" >= 0 and "swot_ballots"."used" <= "swot_ballots"."votes_limit")
);
--> statement-breakpoint
CREATE TABLE "swot_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dialogue_id" uuid NOT NULL,
	"quadrant" "swot_quadrant" NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid,
	"edit_token_hash" text,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "swot_items_author_or_token" CHECK (("swot_items"."author_id" is null) <> ("swot_items"."edit_token_hash" is null)),
	CONSTRAINT "swot_items_not_merged_into_self" CHECK ("swot_items"."merged_into_id" <> "swot_items"."id")
);
--> statement-breakpoint
CREATE TABLE "swot_votes" (
	"item_id" uuid NOT NULL,
	"voter_id" uuid NOT NULL,
	"dialogue_id" uuid NOT NULL,
	"dots" integer NOT NULL,
	"max_per_item" integer NOT NULL,
	CONSTRAINT "swot_votes_item_id_voter_id_pk" PRIMARY KEY("item_id","voter_id"),
	CONSTRAINT "swot_votes_within_limit" CHECK ("swot_votes"."dots" >= 0 and "swot_votes"."dots" <= "swot_votes"."max_per_item")
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"text" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"status" "action_status" DEFAULT 'open' NOT NULL,
	"source_kind" "action_source" NOT NULL,
	"source_dialogue_id" uuid,
	"source_item_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"effect" "action_effect",
	"effect_note" text
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"description" text NOT NULL,
	"status" "risk_status" DEFAULT 'pending' NOT NULL,
	"source_kind" "risk_source",
	"source_dialogue_id" uuid,
	"source_item_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dialogues" ADD CONSTRAINT "dialogues_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogues" ADD CONSTRAINT "dialogues_started_by_people_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swot_ballots" ADD CONSTRAINT "swot_ballots_dialogue_id_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swot_ballots" ADD CONSTRAINT "swot_ballots_voter_id_people_id_fk" FOREIGN KEY ("voter_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swot_items" ADD CONSTRAINT "swot_items_dialogue_id_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swot_items" ADD CONSTRAINT "swot_items_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swot_items" ADD CONSTRAINT "swot_items_merged_into_id_swot_items_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."swot_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swot_votes" ADD CONSTRAINT "swot_votes_item_id_swot_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."swot_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swot_votes" ADD CONSTRAINT "swot_votes_voter_id_people_id_fk" FOREIGN KEY ("voter_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "swot_votes" ADD CONSTRAINT "swot_votes_dialogue_id_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_source_dialogue_id_dialogues_id_fk" FOREIGN KEY ("source_dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_source_dialogue_id_dialogues_id_fk" FOREIGN KEY ("source_dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dialogues_one_open_per_channel_uq" ON "dialogues" USING btree ("kind","platform","workspace","channel_id") WHERE "dialogues"."closed_at" is null and not "dialogues"."alongside";--> statement-breakpoint
CREATE INDEX "dialogues_unit_idx" ON "dialogues" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "dialogues_due_idx" ON "dialogues" USING btree ("deadline") WHERE "dialogues"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "swot_items_dialogue_idx" ON "swot_items" USING btree ("dialogue_id");--> statement-breakpoint
CREATE INDEX "swot_votes_dialogue_idx" ON "swot_votes" USING btree ("dialogue_id");--> statement-breakpoint
CREATE INDEX "actions_unit_status_idx" ON "actions" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "actions_owner_status_idx" ON "actions" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "actions_source_dialogue_idx" ON "actions" USING btree ("source_dialogue_id");--> statement-breakpoint
CREATE INDEX "risks_unit_status_idx" ON "risks" USING btree ("unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "risks_source_item_uq" ON "risks" USING btree ("source_kind","source_item_id") WHERE "risks"."source_item_id" is not null;