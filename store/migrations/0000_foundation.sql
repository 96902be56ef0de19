CREATE TYPE "public"."platform" AS ENUM('slack', 'teams', 'local');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('member', 'manager', 'facilitator', 'leader');--> statement-breakpoint
CREATE TYPE "public"."unit_level" AS ENUM('administration', 'department', 'unit', 'section');--> statement-breakpoint
CREATE TABLE "handled_deliveries" (
	"key" text PRIMARY KEY NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_links" (
	"platform" "platform" NOT NULL,
	"workspace" text DEFAULT '' NOT NULL,
	"channel_id" text NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "channel_links_platform_workspace_channel_id_pk" PRIMARY KEY("platform","workspace","channel_id")
);
--> statement-breakpoint
CREATE TABLE "identities" (
	"platform" "platform" NOT NULL,
	"workspace" text DEFAULT '' NOT NULL,
	"external_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "identities_platform_workspace_external_id_pk" PRIMARY KEY("platform","workspace","external_id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"person_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	CONSTRAINT "memberships_person_id_unit_id_role_pk" PRIMARY KEY("person_id","unit_id","role")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"lang" text,
	"is_admin" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"level" "unit_level" NOT NULL,
	"parent_id" uuid,
	"timezone" text DEFAULT 'Europe/Stockholm' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reflection_schedules" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"weekday" integer DEFAULT 4 NOT NULL,
	"time" text DEFAULT '14:00' NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "channel_links" ADD CONSTRAINT "channel_links_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identities" ADD CONSTRAINT "identities_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_schedules" ADD CONSTRAINT "reflection_schedules_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "channel_links_unit_idx" ON "channel_links" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "identities_person_idx" ON "identities" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "memberships_unit_idx" ON "memberships" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_key_uq" ON "people" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "units_key_uq" ON "units" USING btree ("key");--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id");