-- posted_messages is now the one record of where a message that may change later went (0029):
-- outbox updates are carried out only where it says. Messages from before it are recorded here
-- too, so they keep being updated after the upgrade: the action notices and nudges the outbox
-- delivered (while it still has their address, its first week), and the local channel's boards
-- (before, the local page updated its own stored messages by key).
UPDATE "outbox" SET "updatable" = true
WHERE "kind" = 'post'
  AND ("key" LIKE 'action-assigned:%' OR "key" LIKE 'action-due:%' OR "key" LIKE 'action-overdue:%');--> statement-breakpoint
INSERT INTO "posted_messages" ("key", "platform", "workspace", "channel_id", "message_id", "posted_at")
SELECT "key", "sent_platform", coalesce("sent_workspace", ''), "sent_channel_id", "message_id", coalesce("sent_at", "created_at")
FROM "outbox"
WHERE "status" = 'sent' AND "updatable" AND "sent_platform" IS NOT NULL
  AND "sent_channel_id" IS NOT NULL AND "message_id" IS NOT NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "posted_messages" ("key", "platform", "workspace", "channel_id", "message_id", "posted_at")
SELECT DISTINCT ON ("key", "channel_id") "key", 'local', '', "channel_id", "id"::text, "posted_at"
FROM "local_messages"
WHERE "key" IS NOT NULL AND "channel_id" IS NOT NULL AND "person_id" IS NULL
ORDER BY "key", "channel_id", "seq" DESC
ON CONFLICT DO NOTHING;
