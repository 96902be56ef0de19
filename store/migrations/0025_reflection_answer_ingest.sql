ALTER TABLE "reflection_answers" DROP CONSTRAINT "reflection_answers_unit_id_units_id_fk";
--> statement-breakpoint
DROP INDEX "reflection_participation_person_idx";