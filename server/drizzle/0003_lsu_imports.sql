CREATE TABLE "imported_syntheses" (
	"student_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"text" text NOT NULL,
	"import_id" uuid NOT NULL,
	CONSTRAINT "imported_syntheses_student_id_period_id_pk" PRIMARY KEY("student_id","period_id")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"mode" text NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"report" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "imports_mode" CHECK ("imports"."mode" in ('sconet-notes', 'editeurs')),
	CONSTRAINT "imports_status" CHECK ("imports"."status" in ('running', 'done', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "id_sts" integer;--> statement-breakpoint
ALTER TABLE "students" ADD COLUMN "id_be" integer;--> statement-breakpoint
ALTER TABLE "imported_syntheses" ADD CONSTRAINT "imported_syntheses_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imported_syntheses" ADD CONSTRAINT "imported_syntheses_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imported_syntheses" ADD CONSTRAINT "imported_syntheses_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_school" ON "imports" USING btree ("school_id","created_at");