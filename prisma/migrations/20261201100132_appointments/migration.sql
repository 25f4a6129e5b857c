-- CreateEnum
CREATE TYPE "AppointmentStatus" AS ENUM ('SCHEDULED', 'CONFIRMED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AppointmentSource" AS ENUM ('STAFF', 'AGENT');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "appointmentSlotMinutes" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "openingHours" JSONB NOT NULL DEFAULT '[{"day":1,"start":540,"end":1020},{"day":2,"start":540,"end":1020},{"day":3,"start":540,"end":1020},{"day":4,"start":540,"end":1020},{"day":5,"start":540,"end":1020}]';

-- CreateTable
CREATE TABLE "Appointment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "contactId" TEXT,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "AppointmentStatus" NOT NULL DEFAULT 'SCHEDULED',
    "attendeeName" TEXT NOT NULL,
    "attendeePhone" TEXT,
    "attendeeEmail" TEXT,
    "notes" TEXT,
    "source" "AppointmentSource" NOT NULL DEFAULT 'STAFF',
    "conversationId" TEXT,
    "createdByUserId" TEXT,
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Appointment_organizationId_startsAt_idx" ON "Appointment"("organizationId", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_organizationId_attendeePhone_startsAt_idx" ON "Appointment"("organizationId", "attendeePhone", "startsAt");

-- CreateIndex
CREATE INDEX "Appointment_contactId_idx" ON "Appointment"("contactId");

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: no double booking, enforced by the database.
-- Active appointments of one organization may not overlap in time. The exclusion constraint needs
-- btree_gist for the equality on organizationId inside a GiST index. PostgreSQL ships it in contrib
-- and the embedded PGlite loads every extension a migration creates (scripts/db/migrations-folder.ts).
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_end_after_start" CHECK ("endsAt" > "startsAt");

-- Half-open ranges, so 09:00-09:30 and 09:30-10:00 touch without overlapping.
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_no_overlap" EXCLUDE USING gist ("organizationId" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&) WHERE ("status" <> 'CANCELLED');
