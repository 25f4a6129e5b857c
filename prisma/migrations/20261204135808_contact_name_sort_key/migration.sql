-- Contacts sorted by name ignore case and accents ("adam" before "Zed", "Émile" beside "emile").
-- A generated column, so the app, the CSV import's bulk insert and raw SQL all agree on the key.
-- NFKD splits "É" into "E" + a combining accent (U+0300–U+036F), which is then dropped.
CREATE FUNCTION contact_name_sort_key(name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(regexp_replace(normalize(name, NFKD), '[\u0300-\u036f]', '', 'g')) $$;

-- DropIndex
DROP INDEX "Contact_organizationId_name_id_idx";

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN "nameSortKey" TEXT GENERATED ALWAYS AS (contact_name_sort_key("name")) STORED;

-- CreateIndex
CREATE INDEX "Contact_organizationId_nameSortKey_id_idx" ON "Contact"("organizationId", "nameSortKey", "id");
