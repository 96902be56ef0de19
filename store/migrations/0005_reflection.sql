CREATE TYPE "public"."reflection_principle" AS ENUM('trust', 'citizen-focus', 'holistic-view', 'room-for-action', 'support', 'knowledge', 'openness');--> statement-breakpoint
CREATE TABLE "reflection_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"principle" "reflection_principle" NOT NULL,
	"rating" smallint,
	"text" text,
	CONSTRAINT "reflection_answers_rating_range" CHECK ("reflection_answers"."rating" between 1 and 5),
	CONSTRAINT "reflection_answers_text_length" CHECK (char_length("reflection_answers"."text") <= 500)
);
--> statement-breakpoint
CREATE TABLE "reflection_invitations" (
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "reflection_invitations_round_id_person_id_pk" PRIMARY KEY("round_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "reflection_participation" (
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "reflection_participation_round_id_person_id_pk" PRIMARY KEY("round_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "reflection_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"round_date" date NOT NULL,
	"principle" "reflection_principle" NOT NULL,
	"question_index" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"remind_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"reminded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"invited_count" integer,
	"answered_count" integer
);
--> statement-breakpoint
ALTER TABLE "reflection_answers" ADD CONSTRAINT "reflection_answers_round_id_reflection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reflection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_answers" ADD CONSTRAINT "reflection_answers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_invitations" ADD CONSTRAINT "reflection_invitations_round_id_reflection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reflection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_invitations" ADD CONSTRAINT "reflection_invitations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_participation" ADD CONSTRAINT "reflection_participation_round_id_reflection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reflection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_participation" ADD CONSTRAINT "reflection_participation_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_rounds" ADD CONSTRAINT "reflection_rounds_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reflection_answers_round_idx" ON "reflection_answers" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "reflection_invitations_person_idx" ON "reflection_invitations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "reflection_participation_person_idx" ON "reflection_participation" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reflection_rounds_unit_date_uq" ON "reflection_rounds" USING btree ("unit_id","round_date");--> statement-breakpoint
CREATE INDEX "reflection_rounds_open_idx" ON "reflection_rounds" USING btree ("closes_at") WHERE "reflection_rounds"."closed_at" is null;