ALTER TYPE "public"."audit_action" ADD VALUE 'pair-set';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'pair-removed';--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "subject_person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "peer_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "period" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_peer_unit_id_units_id_fk" FOREIGN KEY ("peer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;