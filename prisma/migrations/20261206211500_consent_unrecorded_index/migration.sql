-- The compliance panel counts a clinic's contacts with no consent recorded (lib/compliance/status/consent-line.ts),
-- up to 10,001. Without this index a clinic that records consent for nearly everyone made that count read every
-- one of its contacts (a parallel scan of the whole table at a million: ~200 ms on narrow rows); through it, an
-- index-only scan of the unrecorded ones (0.8 ms). The key is the clinic alone, deduplicated, so an import of
-- 100,000 contacts without consent measured within the noise with and without it (3.6–3.8 s in both).
-- A condition, which Prisma's schema language cannot express, so it lives here only (like claim_due_index).
CREATE INDEX "Contact_consent_unrecorded_idx" ON "Contact" ("organizationId") WHERE "consentBasis" IS NULL;
