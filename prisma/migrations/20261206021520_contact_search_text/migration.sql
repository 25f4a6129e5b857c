-- The contacts search reads one lower-case text per contact instead of four columns through four
-- trigram indexes: name, business name and email, then the number's digits (lib/contacts/search-terms.ts
-- builds the same text for the browser and says what each pattern means). Separators no query can hold
-- (the search drops control characters) keep a match inside one field and mark where each starts:
--   \n before the name and the business name (a word prefix: '%\njo%' or '% jo%'),
--   \t before the email (never a word prefix), \x1f before the digits ('%\x1f%<digits>%').
-- The text before the digits stops at 384 characters, so the keyset indexes below can carry the whole
-- text whatever the characters (4 bytes each at most: well under a btree entry's 2,704 bytes); only the
-- end of an email after a 200-character name and business name can fall past it.
CREATE FUNCTION contact_search_text(name text, business_name text, email text, phone_number text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT left(
           E'\n' || lower(translate(name, E'\n\t\x1f', '   '))
        || E'\n' || lower(translate(coalesce(business_name, ''), E'\n\t\x1f', '   '))
        || E'\t' || lower(translate(coalesce(email, ''), E'\n\t\x1f', '   ')),
         384) || E'\x1f' || ltrim(phone_number, '+') $$;

-- One trigram index instead of four: a search rechecks one LIKE, and a write updates one GIN index.
DROP INDEX "Contact_businessName_trgm_idx";
DROP INDEX "Contact_email_trgm_idx";
DROP INDEX "Contact_name_trgm_idx";
DROP INDEX "Contact_phoneNumber_trgm_idx";

ALTER TABLE "Contact" ADD COLUMN "searchText" TEXT GENERATED ALWAYS AS (contact_search_text("name", "businessName", "email", "phoneNumber")) STORED;

CREATE INDEX "Contact_searchText_trgm_idx" ON "Contact" USING GIN ("searchText" gin_trgm_ops);

-- The keyset indexes carry the search text: a search with many matches walks one in order and
-- filters there (an index-only scan), without a random read of the table for each row it passes.
DROP INDEX "Contact_organizationId_nameSortKey_id_idx";
CREATE INDEX "Contact_organizationId_nameSortKey_id_idx" ON "Contact"("organizationId", "nameSortKey", "id") INCLUDE ("searchText");
DROP INDEX "Contact_organizationId_createdAt_id_idx";
CREATE INDEX "Contact_organizationId_createdAt_id_idx" ON "Contact"("organizationId", "createdAt", "id") INCLUDE ("searchText");
