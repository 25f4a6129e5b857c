-- A listed contact whose number is changed: the new number is listed too (source NUMBER_CHANGED).
ALTER TYPE "DoNotCallSource" ADD VALUE 'NUMBER_CHANGED';

-- A contact's consent changed (the form: one event per contact; a contacts import: one per file).
ALTER TYPE "AuditAction" ADD VALUE 'CONSENT_CHANGED';
