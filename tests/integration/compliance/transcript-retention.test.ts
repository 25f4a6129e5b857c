import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { purgeExpiredTranscripts } from "@/lib/compliance/purge-expired-transcripts";
import { createCalls } from "../../factories/calls";
import { createMember } from "../../factories";
import { startDispatchHarness, type DispatchHarness } from "../dispatch/harness";

const DAY = 86_400_000;
const turns = [{ role: "user", message: "Please delete me one day", timeInCallSecs: 1 }];
const sealedContent = { transcript: turns, analysis: { call_successful: "success" }, dynamicVariables: { contact_name: "Old Patient" } };

describe("transcript retention in the cron run", () => {
  let harness: DispatchHarness;
  beforeAll(async () => {
    harness = await startDispatchHarness();
  });
  afterAll(() => harness.close());

  it("deletes transcripts, analysis and variables past the clinic's window, keeps the call and its outcome, counts them in the cron answer and audits it", async () => {
    const { organization } = await createMember("ADMIN");
    await getDb().organization.update({ where: { id: organization.id }, data: { transcriptRetentionDays: 30 } });
    const other = await createMember("ADMIN"); // default: 365 days
    const now = Date.now();
    const [old1, old2] = await createCalls(
      organization.id,
      2,
      () => ({ ...sealedContent, summary: "Old call", outcome: "resolved" }),
      new Date(now - 40 * DAY),
    );
    const [failedOld] = await createCalls(organization.id, 1, () => ({ status: "FAILED", outcome: "busy" }), new Date(now - 45 * DAY));
    const [recent] = await createCalls(organization.id, 1, () => ({ ...sealedContent }), new Date(now - 10 * DAY));
    const [othersOld] = await createCalls(other.organization.id, 1, () => ({ ...sealedContent }), new Date(now - 40 * DAY));

    const res = await harness.runCron();
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { transcriptsPurged: number; results: { errors: string[] } };
    expect(answer.results.errors).toEqual([]);
    expect(answer.transcriptsPurged).toBe(2);

    const calls = await getDb().call.findMany({
      where: { organizationId: { in: [organization.id, other.organization.id] } },
      select: { id: true, transcript: true, analysis: true, dynamicVariables: true, summary: true, outcome: true, transcriptPurgedAt: true },
    });
    const byId = new Map(calls.map((call) => [call.id, call]));
    for (const id of [old1!, old2!]) {
      expect(byId.get(id)).toMatchObject({ transcript: null, analysis: null, dynamicVariables: null, summary: "Old call", outcome: "resolved" });
      expect(byId.get(id)!.transcriptPurgedAt).toBeInstanceOf(Date);
    }
    expect(byId.get(failedOld!)!.transcriptPurgedAt).toBeInstanceOf(Date); // nothing to delete, marked so it is not read again
    for (const id of [recent!, othersOld!])
      expect(byId.get(id)).toMatchObject({ transcriptPurgedAt: null, transcript: expect.objectContaining({ kid: expect.any(String) }) });

    const audit = await getDb().auditEvent.findMany({
      where: { action: "TRANSCRIPTS_PURGED", organizationId: { in: [organization.id, other.organization.id] } },
    });
    expect(audit).toEqual([expect.objectContaining({ organizationId: organization.id, actorUserId: null, data: { count: 2, retentionDays: 30 } })]);

    // The next run finds nothing more to do.
    expect(((await (await harness.runCron()).json()) as { transcriptsPurged: number }).transcriptsPurged).toBe(0);
  });

  it("is bounded per run: the rest waits for the next run; a call still open is left alone", async () => {
    const { organization } = await createMember("ADMIN");
    await getDb().organization.update({ where: { id: organization.id }, data: { transcriptRetentionDays: 1 } });
    await createCalls(organization.id, 5, () => ({ ...sealedContent }), new Date(Date.now() - 3 * DAY));
    const [stillOpen] = await createCalls(organization.id, 1, () => ({ status: "IN_PROGRESS" }), new Date(Date.now() - 3 * DAY));
    expect(await purgeExpiredTranscripts({ now: new Date(), limit: 3 })).toEqual({ purged: 3 });
    expect(await purgeExpiredTranscripts({ now: new Date(), limit: 3 })).toEqual({ purged: 2 });
    const left = await getDb().call.findMany({ where: { organizationId: organization.id }, select: { transcript: true } });
    expect(left.filter((call) => call.transcript !== null)).toEqual([]);
    expect(await getDb().call.findUniqueOrThrow({ where: { id: stillOpen! } })).toMatchObject({ transcriptPurgedAt: null });
  });
});
