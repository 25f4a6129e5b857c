-- The contacts search folds accents as the name's sort key does: NFKD splits "ë" into "e" and a
-- combining accent (U+0300–U+036F), which is dropped, so "zoe" finds "Zoë". The query is folded the
-- same way (lib/contacts/search-terms.ts, which builds the same text for the browser). Folding comes
-- before the cut at 384 characters, so a text that NFKD lengthens still fits the keyset indexes.
--
-- The fold skips the normalization for plain ASCII, whose NFKD form is itself: it costs ~3 µs a
-- row over three fields otherwise (1.1 million rows: 6.6–7.7 s against 3.6–4.0 s with the shortcut),
-- on every insert of the CSV import. The sort key gets the same shortcut; its values do not change.
--
-- A generated column's expression cannot change in place before PostgreSQL 17: both columns and the
-- indexes on them are dropped and added again (one rewrite of the table, under its lock: 75 s for
-- 1.1 million contacts on the 2-core bench machine).
DROP INDEX "Contact_searchText_trgm_idx";
DROP INDEX "Contact_organizationId_nameSortKey_id_idx";
DROP INDEX "Contact_organizationId_createdAt_id_idx";
ALTER TABLE "Contact" DROP COLUMN "searchText", DROP COLUMN "nameSortKey";

-- The fold, then letters NFKD leaves whole (a stroke or a ligature: "Ł" → "L", "ß" → "ss"; the same list as
-- lib/text/fold-for-search.ts), is written out in each function rather than shared through a third one: a
-- generated column's function must call only built-ins, because pg_dump restores a table with an empty
-- search_path, where an unqualified call of our own function is not found and the table is never created.
-- The search text folds its three fields at once (the fold works character by character, and the
-- separators, ASCII, pass through it), before the case is folded.
CREATE OR REPLACE FUNCTION contact_name_sort_key(name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(CASE WHEN name ~ '[^\x01-\x7f]' THEN replace(replace(replace(replace(replace(replace(replace(replace(translate(regexp_replace(normalize(name, NFKD), '[\u0300-\u036f]', '', 'g'), 'łŁøØđĐħĦıŧŦðÐ', 'lLoOdDhHitTdD'), 'ß', 'ss'), 'ẞ', 'SS'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH') ELSE name END) $$;

CREATE OR REPLACE FUNCTION contact_search_text(name text, business_name text, email text, phone_number text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT left(lower(
         CASE WHEN (E'\n' || translate(name, E'\n\t\x1f', '   ') || E'\n' || translate(coalesce(business_name, ''), E'\n\t\x1f', '   ') || E'\t' || translate(coalesce(email, ''), E'\n\t\x1f', '   ')) ~ '[^\x01-\x7f]' THEN replace(replace(replace(replace(replace(replace(replace(replace(translate(regexp_replace(normalize((E'\n' || translate(name, E'\n\t\x1f', '   ') || E'\n' || translate(coalesce(business_name, ''), E'\n\t\x1f', '   ') || E'\t' || translate(coalesce(email, ''), E'\n\t\x1f', '   ')), NFKD), '[\u0300-\u036f]', '', 'g'), 'łŁøØđĐħĦıŧŦðÐ', 'lLoOdDhHitTdD'), 'ß', 'ss'), 'ẞ', 'SS'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH') ELSE (E'\n' || translate(name, E'\n\t\x1f', '   ') || E'\n' || translate(coalesce(business_name, ''), E'\n\t\x1f', '   ') || E'\t' || translate(coalesce(email, ''), E'\n\t\x1f', '   ')) END
       ), 384) || E'\x1f' || ltrim(phone_number, '+') $$;

ALTER TABLE "Contact"
  ADD COLUMN "nameSortKey" TEXT GENERATED ALWAYS AS (contact_name_sort_key("name")) STORED,
  ADD COLUMN "searchText" TEXT GENERATED ALWAYS AS (contact_search_text("name", "businessName", "email", "phoneNumber")) STORED;

CREATE INDEX "Contact_searchText_trgm_idx" ON "Contact" USING GIN ("searchText" gin_trgm_ops);
CREATE INDEX "Contact_organizationId_nameSortKey_id_idx" ON "Contact"("organizationId", "nameSortKey", "id") INCLUDE ("searchText");
CREATE INDEX "Contact_organizationId_createdAt_id_idx" ON "Contact"("organizationId", "createdAt", "id") INCLUDE ("searchText");

-- The columns are new to the planner: their statistics now, not at the next autovacuum.
ANALYZE "Contact";
