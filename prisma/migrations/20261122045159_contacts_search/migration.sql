-- Trigram indexes for the contacts search: ILIKE on name, email, business and phone.
-- pg_trgm ships with the PostgreSQL contrib package, and the embedded PGlite loads it at start (scripts/db/pglite-server.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Contact_name_trgm_idx" ON "Contact" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Contact_email_trgm_idx" ON "Contact" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Contact_businessName_trgm_idx" ON "Contact" USING GIN ("businessName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Contact_phoneNumber_trgm_idx" ON "Contact" USING GIN ("phoneNumber" gin_trgm_ops);
