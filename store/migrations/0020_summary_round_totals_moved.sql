CREATE TABLE "summary_round_totals" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"round_date" date NOT NULL,
	"principle" "reflection_principle" NOT NULL,
	"invited" integer NOT NULL,
	"answered" integer NOT NULL,
	"ratings" integer NOT NULL,
	"rating_sum" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "summary_round_totals" ADD CONSTRAINT "summary_round_totals_round_id_reflection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."reflection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "summary_round_totals_unit_date_idx" ON "summary_round_totals" USING btree ("unit_id","round_date","principle","invited","answered","ratings","rating_sum");