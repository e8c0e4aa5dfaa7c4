ALTER TABLE "bilan_states" DROP CONSTRAINT "bilan_states_student_id_period_id_pk";--> statement-breakpoint
ALTER TABLE "bilan_states" ALTER COLUMN "period_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "bilan_states" ADD COLUMN "kind" text DEFAULT 'periodique' NOT NULL;--> statement-breakpoint
ALTER TABLE "bilan_versions" ADD COLUMN "previous_hash" text;--> statement-breakpoint
ALTER TABLE "bilan_versions" ADD COLUMN "chain_hash" text;--> statement-breakpoint
-- Chain the versions already stored, oldest first, with the formula of server/src/bilans/versions.ts:
-- chain_hash = sha256(previous chain_hash (or '') || ':' || content_hash). The append-only trigger is
-- suspended for this one statement, by the owner, inside the migration's transaction.
ALTER TABLE "bilan_versions" DISABLE TRIGGER "bilan_versions_append_only";--> statement-breakpoint
WITH RECURSIVE ordered AS (
  SELECT id, student_id, period_id, kind, content_hash,
    row_number() OVER (PARTITION BY student_id, period_id, kind ORDER BY version) AS n
  FROM "bilan_versions"
), chain AS (
  SELECT id, student_id, period_id, kind, n, NULL::text AS previous_hash,
    encode(sha256(convert_to(':' || content_hash, 'UTF8')), 'hex') AS chain_hash
  FROM ordered WHERE n = 1
  UNION ALL
  SELECT o.id, o.student_id, o.period_id, o.kind, o.n, c.chain_hash,
    encode(sha256(convert_to(c.chain_hash || ':' || o.content_hash, 'UTF8')), 'hex')
  FROM ordered o
  JOIN chain c ON o.student_id = c.student_id AND o.period_id IS NOT DISTINCT FROM c.period_id
    AND o.kind = c.kind AND o.n = c.n + 1
)
UPDATE "bilan_versions" v SET previous_hash = chain.previous_hash, chain_hash = chain.chain_hash
FROM chain WHERE chain.id = v.id;--> statement-breakpoint
ALTER TABLE "bilan_versions" ENABLE TRIGGER "bilan_versions_append_only";--> statement-breakpoint
ALTER TABLE "bilan_versions" ALTER COLUMN "chain_hash" SET NOT NULL;--> statement-breakpoint
-- From now on the database links every new version itself, whoever inserts it: whatever previous_hash and
-- chain_hash an INSERT brings, they are replaced by the link to the version just before (same student, kind
-- and period), so no writer can start a fork or a fresh chain.
CREATE OR REPLACE FUNCTION livret_chain_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT chain_hash INTO NEW.previous_hash FROM bilan_versions
    WHERE student_id = NEW.student_id AND period_id IS NOT DISTINCT FROM NEW.period_id
      AND kind = NEW.kind AND version = NEW.version - 1;
  NEW.chain_hash := encode(sha256(convert_to(coalesce(NEW.previous_hash, '') || ':' || NEW.content_hash, 'UTF8')), 'hex');
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER bilan_versions_chain BEFORE INSERT ON bilan_versions
  FOR EACH ROW EXECUTE FUNCTION livret_chain_version();--> statement-breakpoint
ALTER TABLE "bilan_states" ADD CONSTRAINT "bilan_states_student_period_kind" UNIQUE NULLS NOT DISTINCT("student_id","period_id","kind");--> statement-breakpoint
ALTER TABLE "bilan_states" ADD CONSTRAINT "bilan_states_kind_period" CHECK (("bilan_states"."kind" = 'periodique' and "bilan_states"."period_id" is not null) or ("bilan_states"."kind" = 'fin-de-cycle' and "bilan_states"."period_id" is null));--> statement-breakpoint
-- Imported bilans de fin de cycle had no state row, so the family portal never showed them: their latest
-- version becomes the current, locked one.
INSERT INTO "bilan_states" (student_id, period_id, kind, status, current_version_id, locked_at, locked_by)
SELECT DISTINCT ON (student_id) student_id, NULL, 'fin-de-cycle', 'locked', id, frozen_at, frozen_by
FROM "bilan_versions" WHERE kind = 'fin-de-cycle'
ORDER BY student_id, version DESC;
