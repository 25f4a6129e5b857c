-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ActivityType" ADD VALUE 'CALL_RECEIVED';
ALTER TYPE "ActivityType" ADD VALUE 'APPOINTMENT_BOOKED';
ALTER TYPE "ActivityType" ADD VALUE 'APPOINTMENT_MOVED';
ALTER TYPE "ActivityType" ADD VALUE 'APPOINTMENT_CANCELLED';
ALTER TYPE "ActivityType" ADD VALUE 'CALLBACK_SCHEDULED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'PHONE_NUMBER_REGISTERED';
ALTER TYPE "AuditAction" ADD VALUE 'PHONE_NUMBER_REMOVED';
ALTER TYPE "AuditAction" ADD VALUE 'AGENT_UPDATED';

-- DropIndex
DROP INDEX "VoiceAgent_agentId_idx";

-- DropIndex
DROP INDEX "VoiceAgent_organizationId_agentId_key";

-- AlterTable
ALTER TABLE "VoiceAgent" ADD COLUMN     "staffFacing" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "tokenHash" DROP NOT NULL,
ALTER COLUMN "tokenPrefix" DROP NOT NULL,
ALTER COLUMN "tokenCreatedAt" DROP NOT NULL;

-- CreateTable
CREATE TABLE "PhoneNumber" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "phoneNumberId" TEXT NOT NULL,
    "e164" TEXT,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PhoneNumber_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PhoneNumber_phoneNumberId_key" ON "PhoneNumber"("phoneNumberId");

-- CreateIndex
CREATE UNIQUE INDEX "PhoneNumber_e164_key" ON "PhoneNumber"("e164");

-- CreateIndex
CREATE INDEX "PhoneNumber_organizationId_idx" ON "PhoneNumber"("organizationId");

-- An agent id now belongs to one clinic only: where clinics shared one, the earliest registration keeps it
-- and the later ones are removed (their tool tokens stop working, their admins register another agent).
DELETE FROM "VoiceAgent" v
 WHERE EXISTS (SELECT 1 FROM "VoiceAgent" w WHERE w."agentId" = v."agentId" AND (w."createdAt", w."id") < (v."createdAt", v."id"));

-- CreateIndex
CREATE UNIQUE INDEX "VoiceAgent_agentId_key" ON "VoiceAgent"("agentId");

-- CreateIndex
CREATE INDEX "VoiceAgent_organizationId_idx" ON "VoiceAgent"("organizationId");

-- AddForeignKey
ALTER TABLE "PhoneNumber" ADD CONSTRAINT "PhoneNumber_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Each clinic's current agent id and phone-number id become its registered ones (the earliest clinic wins an id
-- several clinics had set). A carried-over agent has no tool token until an admin makes one.
INSERT INTO "VoiceAgent" ("id", "organizationId", "agentId", "name", "createdAt", "updatedAt")
SELECT DISTINCT ON (o."elevenLabsAgentId") replace(gen_random_uuid()::text, '-', ''), o."id", o."elevenLabsAgentId", 'Default agent', now(), now()
  FROM "Organization" o
 WHERE o."elevenLabsAgentId" IS NOT NULL
 ORDER BY o."elevenLabsAgentId", o."createdAt", o."id"
ON CONFLICT ("agentId") DO NOTHING;

INSERT INTO "PhoneNumber" ("id", "organizationId", "phoneNumberId", "label", "createdAt", "updatedAt")
SELECT DISTINCT ON (o."elevenLabsPhoneNumberId") replace(gen_random_uuid()::text, '-', ''), o."id", o."elevenLabsPhoneNumberId", 'Main number', now(), now()
  FROM "Organization" o
 WHERE o."elevenLabsPhoneNumberId" IS NOT NULL
 ORDER BY o."elevenLabsPhoneNumberId", o."createdAt", o."id"
ON CONFLICT ("phoneNumberId") DO NOTHING;

-- A default that another clinic holds is no longer this clinic's to use.
UPDATE "Organization" o SET "elevenLabsAgentId" = NULL
 WHERE o."elevenLabsAgentId" IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM "VoiceAgent" v WHERE v."agentId" = o."elevenLabsAgentId" AND v."organizationId" = o."id");

UPDATE "Organization" o SET "elevenLabsPhoneNumberId" = NULL
 WHERE o."elevenLabsPhoneNumberId" IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM "PhoneNumber" p WHERE p."phoneNumberId" = o."elevenLabsPhoneNumberId" AND p."organizationId" = o."id");
