CREATE TABLE "posted_messages" (
	"key" text NOT NULL,
	"platform" "platform" NOT NULL,
	"workspace" text DEFAULT '' NOT NULL,
	"channel_id" text NOT NULL,
	"message_id" text NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posted_messages_key_platform_workspace_channel_id_pk" PRIMARY KEY("key","platform","workspace","channel_id")
);
