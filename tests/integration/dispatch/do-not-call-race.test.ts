import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { addDoNotCallNumber } from "@/lib/compliance/do-not-call/add-do-not-call-number";
import { addToDoNotCall } from "@/lib/compliance/do-not-call/add-to-do-not-call";
import { lockDoNotCallForChange } from "@/lib/compliance/do-not-call/do-not-call-lock";
import { updateContact } from "@/lib/contacts/update-contact";
import { updateContactSchema } from "@/lib/contacts/schemas";
import { createId } from "@/lib/ids/create-id";
import { startScheduledAttempt } from "@/lib/dispatch/start-attempt";
import { createDispatchOrganization, createDueCalls } from "../../factories/dispatch";
import { startDispatchHarness, type DispatchHarness } from "./harness";

// What commits between the dispatcher's read of the dial subject and the attempt's write (staff ticking "Do
// not call", the agent's opt_out tool in the patient's other conversation, the post-call analysis of a call
// that just ended) is committed here right before the real statement runs.
const hook = vi.hoisted(() => ({ before: null as null | (() => Promise<void>) }));
vi.mock("@/lib/dispatch/start-attempt", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/dispatch/start-attempt")>();
  return {
    ...real,
    startScheduledAttempt: async (...args: Parameters<typeof real.startScheduledAttempt>) => {
      const before = hook.before;
      hook.before = null;
      if (before) await before();
      return real.startScheduledAttempt(...args);
    },
  };
});

const ANSWERED = { appointment_booked: 1, callback_scheduled: 0, not_interested: 0, voicemail: 0 };
const STAFF = { userId: "user_staff", email: "staff@example.test", role: "STAFF" as const };

describe("dispatcher: a do-not-call or consent change committed after the dial subject was read", () => {
  let harness: DispatchHarness;
  beforeAll(async () => {
    harness = await startDispatchHarness({ outcomeMix: ANSWERED });
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.simulator.reset();
    hook.before = null;
  });

  async function oneDueCall() {
    const organization = await createDispatchOrganization();
    const [contact] = await createDueCalls(organization.id, 1);
    const scheduled = await getDb().scheduledCall.findFirstOrThrow({ where: { contactId: contact!.id } });
    return { organization, contact: contact!, scheduled };
  }
  async function run() {
    const res = await harness.runCron();
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { succeeded: number }; skipped: number };
    await harness.settle();
    return body;
  }

  /** The call claimed by `runId` as the dispatcher leaves it, then its attempt written (not awaited: it may wait on a lock). */
  async function startAttemptAsRun(due: Awaited<ReturnType<typeof oneDueCall>>, runId: string) {
    const { organization, contact, scheduled } = due;
    await getDb().scheduledCall.update({
      where: { id: scheduled.id },
      data: { status: "IN_PROGRESS", lockedBy: runId, lockedUntil: new Date(Date.now() + 60_000), attempts: 1 },
    });
    const now = new Date();
    return () =>
      startScheduledAttempt(
        {
          id: createId(),
          organizationId: organization.id,
          contactId: contact.id,
          scheduledCallId: scheduled.id,
          toNumber: contact.phoneNumber,
          fromNumber: null,
          agentId: scheduled.agentId,
          agentPhoneNumberId: scheduled.fromNumber,
          placedByUserId: null,
        },
        { runId, now },
        { since: new Date(+now - 86_400_000), seen: [], room: 3 },
      );
  }

  it("a number listed before the attempt is written is never rung: cancelled with the do-not-call reason, attempt not counted", async () => {
    const { organization, contact, scheduled } = await oneDueCall();
    hook.before = async () => {
      await addDoNotCallNumber(organization, STAFF, { phoneNumber: contact.phoneNumber, reason: "Asked at the desk" });
    };
    expect(await run()).toMatchObject({ skipped: 1, results: { succeeded: 0 } });
    expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(0);
    expect(await getDb().scheduledCall.findUniqueOrThrow({ where: { id: scheduled.id } })).toMatchObject({
      status: "CANCELLED",
      cancelReason: "do_not_call",
      attempts: 0,
      lockedBy: null,
      dialStartedAt: null,
      errorMessage: `Do not call: not dialed, ${contact.name} is on the do-not-call list (Asked at the desk)`,
    });
    expect(await getDb().call.count({ where: { contactId: contact.id } })).toBe(0);
  });

  it("a consent set to none before the attempt is written: never rung, cancelled with the no-consent reason", async () => {
    const { organization, contact, scheduled } = await oneDueCall();
    hook.before = async () => {
      await updateContact(organization, STAFF, contact.id, updateContactSchema.parse({ consentBasis: "NONE" }));
    };
    expect(await run()).toMatchObject({ skipped: 1, results: { succeeded: 0 } });
    expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(0);
    expect(await getDb().scheduledCall.findUniqueOrThrow({ where: { id: scheduled.id } })).toMatchObject({
      status: "CANCELLED",
      cancelReason: "no_consent",
      attempts: 0,
      errorMessage: `No consent: not dialed, ${contact.name} has agreed to no calls`,
    });
    expect(await getDb().call.count({ where: { contactId: contact.id } })).toBe(0);
  });

  it("a change that leaves the patient callable (consent recorded as care reminders) dials as before", async () => {
    const { organization, contact } = await oneDueCall();
    hook.before = async () => {
      await updateContact(organization, STAFF, contact.id, updateContactSchema.parse({ consentBasis: "CARE_REMINDERS" }));
    };
    expect((await run()).results.succeeded).toBe(1);
    expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(1);
  });

  // PGlite serves one connection at a time: a second connection's statement waits for the whole transaction there.
  it.runIf(inject("databaseKind") === "postgres")("an attempt written while a listing is about to commit waits for it and is refused", async () => {
    const due = await oneDueCall();
    const { organization, contact, scheduled } = due;
    const startAttempt = await startAttemptAsRun(due, "run_waits_for_listing");
    let attempt: ReturnType<typeof startScheduledAttempt> | null = null;
    await getDb().$transaction(async (tx) => {
      await addToDoNotCall(tx, { organizationId: organization.id, phoneNumber: contact.phoneNumber, reason: null, source: "AGENT_OPT_OUT" });
      await lockDoNotCallForChange(tx, organization.id);
      // The dial's attempt starts while the listing holds the lock, not yet committed.
      attempt = startAttempt();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(await attempt).toEqual({ kind: "do_not_call" });
    expect(await getDb().call.count({ where: { contactId: contact.id } })).toBe(0);
    expect((await getDb().scheduledCall.findUniqueOrThrow({ where: { id: scheduled.id } })).dialStartedAt).toBeNull();
  });

  // The lock order: a contact edit that changed the number holds the contact's row (a key change) and then
  // waits for the exclusive lock; the attempt takes the contact's key share before the shared lock, so it
  // waits for the edit instead of holding the lock the edit waits for (a deadlock PostgreSQL would break
  // by failing one of them).
  it.runIf(inject("databaseKind") === "postgres")(
    "an edit that changes the number and sets consent to none while the attempt is written: no deadlock, the attempt is refused",
    async () => {
      const due = await oneDueCall();
      const { organization, contact } = due;
      const startAttempt = await startAttemptAsRun(due, "run_meets_number_change");
      let attempt: ReturnType<typeof startScheduledAttempt> | null = null;
      await getDb().$transaction(async (tx) => {
        await tx.contact.update({ where: { id: contact.id }, data: { phoneNumber: "+61255507999", consentBasis: "NONE" } });
        attempt = startAttempt();
        // The attempt reaches the contact's row meanwhile; then the edit ends as every such change ends.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await lockDoNotCallForChange(tx, organization.id);
      });
      expect(await attempt).toEqual({ kind: "no_consent" });
      expect(await getDb().call.count({ where: { contactId: contact.id } })).toBe(0);
    },
  );
});
