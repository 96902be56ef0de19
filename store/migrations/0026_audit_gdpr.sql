ALTER TYPE "public"."audit_action" ADD VALUE 'gdpr-export';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'gdpr-erase';--> statement-breakpoint
ALTER TYPE "public"."audit_source" ADD VALUE 'command-line';