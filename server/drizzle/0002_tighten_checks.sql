ALTER TABLE "bilan_versions" DROP CONSTRAINT "bilan_versions_student_period_kind_version";--> statement-breakpoint
ALTER TABLE "students" DROP CONSTRAINT "students_ine";--> statement-breakpoint
ALTER TABLE "bilan_versions" ADD CONSTRAINT "bilan_versions_student_period_kind_version" UNIQUE NULLS NOT DISTINCT("student_id","period_id","kind","version");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_civilite" CHECK ("accounts"."civilite" in ('M.', 'Mme'));--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_ine" CHECK ("students"."ine" ~ '^[0-9A-Z]{11}$');