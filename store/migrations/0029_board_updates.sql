CREATE TYPE "public"."outbox_kind" AS ENUM('post', 'update');--> statement-breakpoint
CREATE SEQUENCE "public"."outbox_update_version" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_one_target";--> statement-breakpoint
ALTER TABLE "posted_messages" ADD COLUMN "applied_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "kind" "outbox_kind" DEFAULT 'post' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_one_target" CHECK (("outbox"."kind" = 'update' and "outbox"."person_id" is null and "outbox"."channel_id" is null) or ("outbox"."kind" = 'post' and ("outbox"."person_id" is not null) <> ("outbox"."channel_id" is not null and "outbox"."platform" is not null and "outbox"."workspace" is not null)));