CREATE TYPE "public"."teams_conversation_kind" AS ENUM('personal', 'channel', 'groupChat');--> statement-breakpoint
CREATE TABLE "teams_conversations" (
	"conversation_id" text PRIMARY KEY NOT NULL,
	"tenant_id" text DEFAULT '' NOT NULL,
	"kind" "teams_conversation_kind" NOT NULL,
	"channel_id" text,
	"user_aad_object_id" text,
	"service_url" text NOT NULL,
	"reference" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams_sends" (
	"key" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"conversation_id" text,
	"activity_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams_users" (
	"aad_object_id" text PRIMARY KEY NOT NULL,
	"tenant_id" text DEFAULT '' NOT NULL,
	"user_id" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "teams_conversations_tenant_idx" ON "teams_conversations" USING btree ("tenant_id","updated_at");--> statement-breakpoint
CREATE INDEX "teams_conversations_user_idx" ON "teams_conversations" USING btree ("user_aad_object_id");--> statement-breakpoint
CREATE INDEX "teams_conversations_channel_idx" ON "teams_conversations" USING btree ("channel_id");