-- Indexes for leadership summaries (store/queries/summary-*.ts) on tables other features own.
-- Written by hand (drizzle-kit generate --custom): drizzle declares indexes only inside a
-- table's own definition, and these serve the summary alone. Each is read one range per unit
-- and period.
-- Actions decided in a period.
CREATE INDEX IF NOT EXISTS "actions_unit_created_idx" ON "actions" USING btree ("unit_id","created_at");--> statement-breakpoint
-- Actions done in a period, and those done only after a period ended (open at its end).
CREATE INDEX IF NOT EXISTS "actions_unit_done_idx" ON "actions" USING btree ("unit_id","done_at") WHERE "status" = 'done';--> statement-breakpoint
-- Open actions past their due date.
CREATE INDEX IF NOT EXISTS "actions_unit_open_due_idx" ON "actions" USING btree ("unit_id","due_date") WHERE "status" = 'open';--> statement-breakpoint
-- Dialogues held in a period.
CREATE INDEX IF NOT EXISTS "dialogues_unit_created_idx" ON "dialogues" USING btree ("unit_id","created_at");--> statement-breakpoint
-- Escalated risks received in a period (no predicate on source_kind: a fresh database adds
-- its 'escalation' value in the same migration transaction, where using it is refused).
CREATE INDEX IF NOT EXISTS "risks_unit_created_idx" ON "risks" USING btree ("unit_id","created_at");
