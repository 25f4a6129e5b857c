import { describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { checkPatientDial } from "@/lib/compliance/check-patient-dial";
import { createId } from "@/lib/ids/create-id";
import { startScheduledAttempt } from "@/lib/dispatch/start-attempt";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { createCall } from "../../factories/contacts";
import { createDispatchOrganization, createDueCalls, zoneAtNoon } from "../../factories/dispatch";

const RUN = "run_start_attempt";

/** A clinic, its patient, and the patient's scheduled call claimed by RUN (leased, not yet dialed). */
async function claimedCall() {
  const organization = await createDispatchOrganization({ maxCallsPerDay: 3 });
  const [contact] = await createDueCalls(organization.id, 1);
  const row = await getDb().scheduledCall.findFirstOrThrow({ where: { organizationId: organization.id } });
  await getDb().scheduledCall.update({
    where: { id: row.id },
    data: { status: "IN_PROGRESS", lockedBy: RUN, lockedUntil: new Date(Date.now() + 60_000), attempts: 1 },
  });
  const now = new Date();
  const attempt = () => ({
    id: createId(),
    organizationId: organization.id,
    contactId: contact!.id,
    scheduledCallId: row.id,
    toNumber: contact!.phoneNumber,
    fromNumber: "+61255501234",
    agentId: row.agentId,
    agentPhoneNumberId: row.fromNumber,
    placedByUserId: null,
  });
  return { organization, contact: contact!, row, now, attempt, since: new Date(+now - 8 * 86_400_000) };
}

const attemptsOf = (scheduledCallId: string) => getDb().call.findMany({ where: { scheduledCallId } });

describe("a scheduled call's attempt written in one statement", () => {
  it("writes the INITIATED call and marks 'dial sent' while the run holds the lease, and writes nothing once it does not", async () => {
    const { row, now, attempt, since } = await claimedCall();
    const call = attempt();
    expect(await startScheduledAttempt(call, { runId: "run_other", now }, { since, seen: [], room: 2 })).toEqual({ kind: "lost" });
    expect(await attemptsOf(row.id)).toHaveLength(0);

    expect(await startScheduledAttempt(call, { runId: RUN, now }, { since, seen: [], room: 2 })).toEqual({ kind: "started" });
    const [written] = await attemptsOf(row.id);
    expect(written).toMatchObject({ id: call.id, status: "INITIATED", direction: "OUTBOUND", toNumber: call.toNumber, agentPhoneNumberId: row.fromNumber });
    expect(await getDb().scheduledCall.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      callId: call.id,
      dialStartedAt: now,
      status: "IN_PROGRESS",
    });

    // Marked: a second attempt on the same lease is refused (the mark is what makes it "sent").
    expect(await startScheduledAttempt(attempt(), { runId: RUN, now }, { since, seen: [], room: 2 })).toEqual({ kind: "lost" });
    expect(await attemptsOf(row.id)).toHaveLength(1);
  });

  it("a dial to the patient written since the read counts against the room: over it, nothing is written and the calls come back to judge again", async () => {
    const { organization, contact, row, now, attempt, since } = await claimedCall();
    const earlier = await createCall(organization.id, contact.id, { createdAt: new Date(+now - 3_600_000) });
    const seen = [{ id: earlier.id, at: +earlier.createdAt }];
    const meanwhile = await createCall(organization.id, contact.id, { createdAt: new Date(+now - 1_000) });

    const changed = await startScheduledAttempt(attempt(), { runId: RUN, now }, { since, seen, room: 0 });
    expect(changed.kind).toBe("changed");
    expect(changed.kind === "changed" && [...changed.calls].sort((a, b) => a.at - b.at)).toEqual([
      { id: earlier.id, at: +earlier.createdAt },
      { id: meanwhile.id, at: +meanwhile.createdAt },
    ]);
    expect(await attemptsOf(row.id)).toHaveLength(0);
    expect((await getDb().scheduledCall.findUniqueOrThrow({ where: { id: row.id } })).dialStartedAt).toBeNull();

    // Calls already seen never count; one new call within a room of one passes.
    expect(await startScheduledAttempt(attempt(), { runId: RUN, now }, { since, seen, room: 1 })).toEqual({ kind: "started" });
  });

  // PGlite serves one connection at a time: the wait there would be for the connection, not the lock.
  it.runIf(inject("databaseKind") === "postgres")(
    "waits for a 'Call now' to the same patient holding the patient's lock, and counts its call once it commits",
    async () => {
      const { organization, contact, row, now, attempt, since } = await claimedCall();
      const rules = await loadCallingRules(organization.id);
      let started: Promise<unknown> | null = null;
      await getDb().$transaction(async (tx) => {
        // "Call now": the lock and the count (checkPatientDial), then its Call row, committed together.
        await checkPatientDial(tx, {
          organizationId: organization.id,
          contactId: contact.id,
          toNumber: contact.phoneNumber,
          zone: zoneAtNoon(),
          rules,
          now,
          clinicHours: false,
        });
        await tx.call.create({ data: { organizationId: organization.id, contactId: contact.id, toNumber: contact.phoneNumber, status: "INITIATED" } });
        // Read before that call commits: the dispatcher saw no calls.
        started = startScheduledAttempt(attempt(), { runId: RUN, now }, { since, seen: [], room: 0 });
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      expect(await started).toMatchObject({ kind: "changed", calls: [expect.objectContaining({ id: expect.any(String) })] });
      expect(await attemptsOf(row.id)).toHaveLength(0);
    },
  );
});
