-- Frozen bilans, publications, visas, unlocks and the audit log are append-only, in the database itself:
-- an UPDATE, DELETE or TRUNCATE typed by hand fails, whatever the application does.
CREATE OR REPLACE FUNCTION livret_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'livret: % is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER bilan_versions_append_only BEFORE UPDATE OR DELETE ON bilan_versions
  FOR EACH ROW EXECUTE FUNCTION livret_append_only();
--> statement-breakpoint
CREATE TRIGGER bilan_versions_no_truncate BEFORE TRUNCATE ON bilan_versions
  FOR EACH STATEMENT EXECUTE FUNCTION livret_append_only();
--> statement-breakpoint
CREATE TRIGGER publications_append_only BEFORE UPDATE OR DELETE ON publications
  FOR EACH ROW EXECUTE FUNCTION livret_append_only();
--> statement-breakpoint
CREATE TRIGGER publications_no_truncate BEFORE TRUNCATE ON publications
  FOR EACH STATEMENT EXECUTE FUNCTION livret_append_only();
--> statement-breakpoint
CREATE TRIGGER visas_append_only BEFORE UPDATE OR DELETE ON visas
  FOR EACH ROW EXECUTE FUNCTION livret_append_only();
--> statement-breakpoint
CREATE TRIGGER visas_no_truncate BEFORE TRUNCATE ON visas
  FOR EACH STATEMENT EXECUTE FUNCTION livret_append_only();
--> statement-breakpoint
CREATE TRIGGER unlocks_append_only BEFORE UPDATE OR DELETE ON unlocks
  FOR EACH ROW EXECUTE FUNCTION livret_append_only();
--> statement-breakpoint
CREATE TRIGGER unlocks_no_truncate BEFORE TRUNCATE ON unlocks
  FOR EACH STATEMENT EXECUTE FUNCTION livret_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION livret_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION livret_append_only();
--> statement-breakpoint
-- An unlock is impossible once the family has acknowledged the version (defence in depth: the service checks too).
CREATE OR REPLACE FUNCTION livret_no_unlock_after_visa() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM visas WHERE bilan_version_id = NEW.bilan_version_id) THEN
    RAISE EXCEPTION 'livret: bilan version % has a visa and cannot be unlocked', NEW.bilan_version_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER unlocks_not_after_visa BEFORE INSERT ON unlocks
  FOR EACH ROW EXECUTE FUNCTION livret_no_unlock_after_visa();
