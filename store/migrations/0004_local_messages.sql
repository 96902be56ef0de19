CREATE TABLE "local_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "local_messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"channel_id" text,
	"person_id" uuid,
	"author_id" uuid,
	"key" text,
	"view" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "local_messages_has_place" CHECK ("local_messages"."channel_id" is not null or "local_messages"."person_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "local_messages" ADD CONSTRAINT "local_messages_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_messages" ADD CONSTRAINT "local_messages_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "local_messages_channel_idx" ON "local_messages" USING btree ("channel_id","seq");--> statement-breakpoint
CREATE INDEX "local_messages_person_idx" ON "local_messages" USING btree ("person_id","seq");--> statement-breakpoint
CREATE INDEX "local_messages_key_idx" ON "local_messages" USING btree ("key") WHERE "local_messages"."key" is not null;