CREATE TYPE "public"."risk_handling" AS ENUM('accept', 'self-check', 'action', 'escalate');--> statement-breakpoint
CREATE TYPE "public"."risk_process" AS ENUM('goal-steering', 'quality-system', 'work-environment', 'internal-control');--> statement-breakpoint
ALTER TYPE "public"."risk_source" ADD VALUE 'escalation';--> statement-breakpoint
ALTER TYPE "public"."risk_status" ADD VALUE 'open';--> statement-breakpoint
ALTER TYPE "public"."risk_status" ADD VALUE 'closed';--> statement-breakpoint
CREATE TABLE "risk_dialogues" (
	"dialogue_id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"levels" jsonb NOT NULL,
	"summary" jsonb
);
--> statement-breakpoint
CREATE TABLE "risk_estimates" (
	"risk_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"probability" smallint NOT NULL,
	"consequence" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_estimates_risk_id_person_id_pk" PRIMARY KEY("risk_id","person_id"),
	CONSTRAINT "risk_estimates_range" CHECK ("risk_estimates"."probability" between 1 and 4 and "risk_estimates"."consequence" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "risk_seasons" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"from_month" smallint NOT NULL,
	"to_month" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_seasons_months" CHECK ("risk_seasons"."from_month" between 1 and 12 and "risk_seasons"."to_month" between 1 and 12)
);
--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "dialogue_id" uuid;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "author_id" uuid;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "escalated_from_id" uuid;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "period" integer;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "probability" smallint;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "consequence" smallint;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "process" "risk_process";--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "handling" "risk_handling";--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "decision" jsonb;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "risk_dialogues" ADD CONSTRAINT "risk_dialogues_dialogue_id_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_dialogues" ADD CONSTRAINT "risk_dialogues_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_estimates" ADD CONSTRAINT "risk_estimates_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_estimates" ADD CONSTRAINT "risk_estimates_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_seasons" ADD CONSTRAINT "risk_seasons_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_dialogues_unit_year_idx" ON "risk_dialogues" USING btree ("unit_id","year");--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_dialogue_id_dialogues_id_fk" FOREIGN KEY ("dialogue_id") REFERENCES "public"."dialogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_escalated_from_id_risks_id_fk" FOREIGN KEY ("escalated_from_id") REFERENCES "public"."risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risks_dialogue_idx" ON "risks" USING btree ("dialogue_id");--> statement-breakpoint
CREATE UNIQUE INDEX "risks_escalated_from_uq" ON "risks" USING btree ("escalated_from_id") WHERE "risks"."escalated_from_id" is not null;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_probability_range" CHECK ("risks"."probability" between 1 and 4);--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_consequence_range" CHECK ("risks"."consequence" between 1 and 4);