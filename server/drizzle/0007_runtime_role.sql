-- The server runs as livret_app, never as the owner of the tables (server/src/db/client.ts sets the role on
-- every connection): it reads and appends to the append-only tables but cannot update, delete, truncate
-- them, nor disable or drop their triggers (only an owner can). Migrations keep running as the owner.
-- Roles belong to the whole PostgreSQL cluster: another database may have created livret_app already.
DO $$
BEGIN
  CREATE ROLE livret_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END;
$$;--> statement-breakpoint
-- An owner that is not a superuser must be a member to SET ROLE livret_app on its own connections.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'livret_app', 'MEMBER') THEN
    EXECUTE format('GRANT livret_app TO %I', current_user);
  END IF;
END;
$$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO livret_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO livret_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO livret_app;--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON bilan_versions, publications, visas, unlocks, audit_log FROM livret_app;--> statement-breakpoint
-- Tables of later migrations (run by the same owner) get ordinary DML too; a new append-only table must
-- revoke UPDATE and DELETE from livret_app in its own migration.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO livret_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO livret_app;
