CREATE TABLE "teams_forms" (
	"activity_id" text PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"form" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "teams_forms_created_idx" ON "teams_forms" USING btree ("created_at");