CREATE TYPE "public"."action_event_kind" AS ENUM('rescheduled', 'done', 'dropped', 'effect', 'check-in-scheduled');--> statement-breakpoint
CREATE TYPE "public"."self_check_cadence" AS ENUM('weekly', 'monthly', 'quarterly', 'yearly');--> statement-breakpoint
CREATE TYPE "public"."self_check_outcome" AS ENUM('ok', 'found', 'not-done');--> statement-breakpoint
CREATE TABLE "action_digest_runs" (
	"unit_id" uuid NOT NULL,
	"week_of" date NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "action_digest_runs_unit_id_week_of_pk" PRIMARY KEY("unit_id","week_of")
);
--> statement-breakpoint
CREATE TABLE "action_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"kind" "action_event_kind" NOT NULL,
	"reason" text,
	"from_date" date,
	"to_date" date,
	"at" timestamp with time zone NOT NULL,
	"by" uuid
);
--> statement-breakpoint
CREATE TABLE "self_check_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"self_check_id" uuid NOT NULL,
	"occurs_on" date NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"outcome" "self_check_outcome",
	"note" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid
);
--> statement-breakpoint
CREATE TABLE "self_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"text" text NOT NULL,
	"responsible_id" uuid NOT NULL,
	"cadence" "self_check_cadence" NOT NULL,
	"starts_on" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"source_risk_id" uuid,
	"source_dialogue_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "effect_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "due_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "due_set_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "nudge_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "check_ins" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "check_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "action_digest_runs" ADD CONSTRAINT "action_digest_runs_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_events" ADD CONSTRAINT "action_events_by_people_id_fk" FOREIGN KEY ("by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_check_occurrences" ADD CONSTRAINT "self_check_occurrences_self_check_id_self_checks_id_fk" FOREIGN KEY ("self_check_id") REFERENCES "public"."self_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_check_occurrences" ADD CONSTRAINT "self_check_occurrences_answered_by_people_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_checks" ADD CONSTRAINT "self_checks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_checks" ADD CONSTRAINT "self_checks_responsible_id_people_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_checks" ADD CONSTRAINT "self_checks_source_risk_id_risks_id_fk" FOREIGN KEY ("source_risk_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_checks" ADD CONSTRAINT "self_checks_source_dialogue_id_dialogues_id_fk" FOREIGN KEY ("source_dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_checks" ADD CONSTRAINT "self_checks_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_events_action_idx" ON "action_events" USING btree ("action_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "self_check_occurrences_uq" ON "self_check_occurrences" USING btree ("self_check_id","occurs_on");--> statement-breakpoint
CREATE INDEX "self_checks_unit_idx" ON "self_checks" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "self_checks_responsible_idx" ON "self_checks" USING btree ("responsible_id");--> statement-breakpoint
CREATE UNIQUE INDEX "self_checks_source_risk_uq" ON "self_checks" USING btree ("source_risk_id") WHERE "self_checks"."source_risk_id" is not null;