import { TZDate } from "@date-fns/tz";
import { listDoNotCall } from "./do-not-call";
import { getDb } from "@/lib/db";
import type { ConsentBasis, Role, ScheduledCallStatus } from "@/lib/generated/prisma/enums";
import type { CallingRules, PlanContact } from "@/lib/scheduling/plan-batch";
import { createMember } from "./index";
import { registerLine } from "./lines";
import { fictionalPhone } from "./contacts";

// ---- Pure helpers (unit tests use these without a database) ------------------------------------

/** A Sydney clinic calling Monday to Friday, 09:00–17:00, the organization defaults. */
export const SYDNEY_RULES: CallingRules = {
  timezone: "Australia/Sydney",
  defaultCountry: "AU",
  callingDays: [1, 2, 3, 4, 5],
  callingWindowStart: 9 * 60,
  callingWindowEnd: 17 * 60,
};

let planSequence = 0;

/** A contact as planBatch reads it: a fictional Sydney number, no zone of its own, consent not recorded, callable. */
export function planContact(overrides: Partial<PlanContact> = {}): PlanContact {
  const index = planSequence++;
  return {
    id: `contact_${index}`,
    name: `Patient ${index}`,
    phoneNumber: fictionalPhone(index % 10_000),
    timezone: null,
    doNotCall: false,
    doNotCallReason: null,
    consentBasis: null,
    ...overrides,
  };
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a wall clock reads it in a zone: "Wed 2026-12-02 14:00" (seconds only when not :00). */
export function wallClock(at: Date | number, timeZone: string): string {
  const local = new TZDate(+at, timeZone);
  const seconds = local.getSeconds() ? `:${pad(local.getSeconds())}` : "";
  return `${WEEKDAYS[local.getDay()]} ${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}${seconds}`;
}

/**
 * A local calendar day in a zone, the first with the given ISO weekday (1 = Monday) at least
 * `minDays` after `after`: integration tests schedule into the future, whatever day they run.
 * `at("14:00")` is that day's instant; `at("09:00", 1)` the next day's.
 */
export function upcomingDay(timeZone: string, isoWeekday: number, options: { after?: Date; minDays?: number } = {}) {
  const after = options.after ?? new Date();
  const local = new TZDate(+after, timeZone);
  let offset = options.minDays ?? 2;
  while (((local.getDay() + offset) % 7 || 7) !== isoWeekday) offset++;
  const [year, month, date] = [local.getFullYear(), local.getMonth(), local.getDate() + offset];
  return {
    at(clock: string, dayOffset = 0): Date {
      const [hours, minutes] = clock.split(":").map(Number) as [number, number];
      return new Date(+TZDate.tz(timeZone, year, month, date + dayOffset, hours, minutes));
    },
  };
}

// ---- Database factories ---------------------------------------------------------------------------

export type SchedulingMember = Awaited<ReturnType<typeof createSchedulingMember>>;

/**
 * A member of a new clinic that can schedule: an ElevenLabs agent and phone-number ID configured,
 * Sydney hours Monday to Friday 09:00–17:00 and 2-minute spacing unless `rules` says otherwise.
 */
export async function createSchedulingMember(
  role: Role = "STAFF",
  rules: Partial<{
    timezone: string;
    callingDays: number[];
    callingWindowStart: number;
    callingWindowEnd: number;
    staggerMinutes: number;
    maxAttempts: number;
    maxCallsPerDay: number;
    maxCallsPerWeek: number;
  }> = {},
) {
  const member = await createMember(role);
  const line = await registerLine(member.organization.id);
  const organization = await getDb().organization.update({ where: { id: member.organization.id }, data: rules });
  return { ...member, organization, line };
}

export interface SchedulingContactSeed {
  name: string;
  phoneNumber: string;
  timezone?: string | null;
  doNotCall?: boolean;
  doNotCallReason?: string | null;
  consentBasis?: ConsentBasis | null;
}

/** Contacts with the fields scheduling reads (zone, consent; do-not-call puts the number on the list), in the order given. */
export async function createSchedulingContacts(organizationId: string, seeds: readonly SchedulingContactSeed[]) {
  const contacts = [];
  for (const seed of seeds) {
    contacts.push(
      await getDb().contact.create({
        data: {
          organizationId,
          name: seed.name,
          phoneNumber: seed.phoneNumber,
          timezone: seed.timezone ?? null,
          consentBasis: seed.consentBasis ?? null,
          customFields: {},
        },
      }),
    );
    if (seed.doNotCall) await listDoNotCall(organizationId, [seed.phoneNumber], { reason: seed.doNotCallReason ?? null });
  }
  return contacts;
}

/** A batch row as scheduling writes it, for tests of the routes that read batches. */
export async function createBatchRow(organizationId: string, overrides: Partial<{ name: string; createdAt: Date; scheduledCount: number }> = {}) {
  return getDb().callBatch.create({
    data: {
      organizationId,
      name: overrides.name ?? "Test batch",
      agentId: "agent_clinic",
      fromNumber: "phnum_clinic",
      staggerMinutes: 2,
      scheduledCount: overrides.scheduledCount ?? 0,
      skippedCount: 0,
      movedCount: 0,
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
    },
  });
}

/**
 * One ScheduledCall per contact, `spacingMinutes` apart from `start` — or, with `sharedTimes`,
 * that many rows on each time, so keyset pages must break ties by id.
 */
export async function createScheduledCallRows(
  organizationId: string,
  contactIds: readonly string[],
  options: { start: Date; spacingMinutes?: number; sharedTimes?: number; status?: ScheduledCallStatus; batchId?: string | null },
) {
  const spacing = (options.spacingMinutes ?? 2) * 60_000;
  const shared = options.sharedTimes ?? 1;
  await getDb().scheduledCall.createMany({
    data: contactIds.map((contactId, index) => ({
      organizationId,
      contactId,
      fromNumber: "phnum_clinic",
      agentId: "agent_clinic",
      scheduledTime: new Date(+options.start + Math.floor(index / shared) * spacing),
      status: options.status ?? "PENDING",
      batchId: options.batchId ?? null,
    })),
  });
  return getDb().scheduledCall.findMany({ where: { organizationId, contactId: { in: [...contactIds] } }, orderBy: [{ scheduledTime: "asc" }, { id: "asc" }] });
}
