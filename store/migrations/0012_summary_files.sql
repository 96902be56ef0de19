CREATE TYPE "public"."summary_file_kind" AS ENUM('png', 'csv', 'md');--> statement-breakpoint
CREATE TABLE "summary_files" (
	"token" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "summary_file_kind" NOT NULL,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "summary_files_expires_idx" ON "summary_files" USING btree ("expires_at");