import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { describeCall } from "@/lib/calls/meaning/describe-call";
import { openCallColumn } from "@/lib/calls/history/sealed-call-fields";
import { readOpeningHours, openingFor } from "@/lib/appointments/opening-hours";
import { seed } from "@/prisma/seed";
import { DEMO_HISTORY_RUN, seedDemoHistory, type DemoHistoryResult } from "@/prisma/seed-data/demo-history/seed-demo-history";
import { truncateAllTables } from "../../setup/truncate-tables";

// Wednesday 2 December 2026, 12:30 in Sydney: the history is the fortnight before it (virtual time, so any
// instant works and the test does not depend on today's date).
const UNTIL = new Date("2026-12-02T01:30:00Z");
const DAY = 86_400_000;

async function freshDemo(): Promise<DemoHistoryResult> {
  await truncateAllTables(inject("databaseUrl"));
  await seed(getDb());
  const tokenFile = join(await mkdtemp(join(tmpdir(), "demo-history-")), "tokens.json");
  return seedDemoHistory(getDb(), { databaseUrl: inject("databaseUrl"), tokenFile, until: UNTIL });
}

/**
 * What a history consists of: each clinic's calls, which way, how they went, and on which local day at which
 * minute calls happened. (Not which of two same-named patients a batch dials first: the product orders a
 * batch by name, then id, and ids are random.)
 */
async function fingerprint() {
  const calls = await getDb().call.findMany({
    select: { direction: true, status: true, outcome: true, createdAt: true, organization: { select: { slug: true, timezone: true } } },
  });
  return {
    calls: calls.map((c) => `${c.organization.slug} ${c.direction} ${c.status} ${c.outcome}`).sort(),
    times: calls.map((c) => `${c.organization.slug} ${format(new TZDate(c.createdAt, c.organization.timezone), "yyyy-MM-dd HH:mm")}`).sort(),
  };
}

describe("the demo history of the first start", () => {
  let first: DemoHistoryResult;
  let firstPrint: Awaited<ReturnType<typeof fingerprint>>;

  beforeAll(async () => {
    first = await freshDemo();
    firstPrint = await fingerprint();
  }, 600_000);

  it("is two weeks of calls of every kind, with batches finished and running, bookings and calls needing attention", async () => {
    expect(first.made).toBe(true);
    const db = getDb();
    const calls = await db.call.findMany({ select: { direction: true, status: true, outcome: true, createdAt: true } });
    expect(calls.length).toBeGreaterThan(60);
    expect(calls.every((c) => +c.createdAt <= +UNTIL && +c.createdAt > +UNTIL - 15 * DAY)).toBe(true);
    const outcomes = new Set(calls.map((c) => `${c.direction}:${c.outcome}`));
    for (const kind of [
      "OUTBOUND:resolved",
      "OUTBOUND:callback",
      "OUTBOUND:escalated",
      "OUTBOUND:voicemail",
      "OUTBOUND:not_interested",
      "OUTBOUND:no_answer",
      "INBOUND:resolved",
      "INBOUND:escalated",
    ])
      expect(outcomes).toContain(kind);
    // Spread over the fortnight, not one burst.
    expect(new Set(calls.map((c) => c.createdAt.toISOString().slice(0, 10))).size).toBeGreaterThanOrEqual(8);

    const batches = await db.callBatch.findMany({ select: { id: true, scheduledCalls: { select: { status: true } } } });
    expect(batches.some((b) => b.scheduledCalls.every((s) => s.status === "COMPLETED" || s.status === "FAILED"))).toBe(true);
    expect(batches.some((b) => b.scheduledCalls.some((s) => s.status === "PENDING") && b.scheduledCalls.some((s) => s.status === "COMPLETED"))).toBe(true);
    // Failed after every attempt, with the reason.
    const failed = await db.scheduledCall.findMany({ where: { status: "FAILED" }, select: { attempts: true, maxAttempts: true, errorMessage: true } });
    expect(failed.some((s) => s.attempts === s.maxAttempts && s.errorMessage)).toBe(true);
    // The agent booked appointments and scheduled call-backs (dialed later by the dispatcher, like any call).
    expect(await db.appointment.count({ where: { source: "AGENT" } })).toBeGreaterThan(5);
    expect(await db.scheduledCall.count({ where: { batchId: null, status: "COMPLETED" } })).toBeGreaterThan(0);
    expect(await db.activityEvent.count({ where: { type: "CALLBACK_SCHEDULED" } })).toBeGreaterThan(0);
  });

  it("went through the webhook handler: every ended call has its feed entry and an analysis the handler read", async () => {
    const db = getDb();
    const ended = await db.call.findMany({
      where: { status: "COMPLETED" },
      select: {
        id: true,
        direction: true,
        transcript: true,
        analysis: true,
        terminationReason: true,
        summary: true,
        outcome: true,
        reportedOutcome: true,
        intent: true,
        sentiment: true,
        callSid: true,
        conversationId: true,
      },
    });
    expect(ended.length).toBeGreaterThan(40);
    const feed = await db.activityEvent.findMany({ where: { callId: { in: ended.map((c) => c.id) } }, select: { callId: true, type: true } });
    for (const call of ended) {
      expect(call.conversationId).toMatch(/^conv_/);
      expect(call.callSid).toMatch(/^CA[0-9a-f]{32}$/);
      expect(call.analysis).not.toBeNull();
      // What the handler derives from the payload, derived again from what it stored: they agree.
      const meaning = describeCall({
        transcript: openCallColumn("transcript", call.transcript) as never,
        analysis: openCallColumn("analysis", call.analysis) as Record<string, unknown>,
        terminationReason: call.terminationReason,
        summary: call.summary,
      });
      expect({ outcome: call.outcome, reportedOutcome: call.reportedOutcome, intent: call.intent, sentiment: call.sentiment }).toEqual({
        outcome: meaning.outcome,
        reportedOutcome: meaning.reportedOutcome,
        intent: meaning.intent,
        sentiment: meaning.sentiment,
      });
      expect(feed.filter((e) => e.callId === call.id).map((e) => e.type)).toContain(call.direction === "INBOUND" ? "CALL_RECEIVED" : "CALL_COMPLETED");
    }
    // Outbound calls were dialed through the lifecycle, which writes the "Called …" entry when the dial is accepted.
    const outbound = await db.call.count({ where: { direction: "OUTBOUND" } });
    expect(await db.activityEvent.count({ where: { type: "CALL_PLACED" } })).toBe(outbound);
  });

  it("writes no call, feed entry or appointment itself: the seed's code has no insert path", async () => {
    const folder = join(process.cwd(), "prisma/seed-data/demo-history");
    for (const file of await readdir(folder)) {
      const source = await readFile(join(folder, file), "utf8");
      expect(source, file).not.toMatch(/\.(call|activityEvent|appointment|scheduledCall|callBatch)\.(create|createMany|update|updateMany|upsert)\b/);
      expect(source, file).not.toMatch(/INSERT INTO|UPDATE "/i);
    }
  });

  it("lands on the clinic's open days, outbound calls inside its calling hours and inbound ones inside its opening hours (local time)", async () => {
    const orgs = await getDb().organization.findMany({
      select: { id: true, timezone: true, callingDays: true, callingWindowStart: true, callingWindowEnd: true, openingHours: true },
    });
    const calls = await getDb().call.findMany({ select: { organizationId: true, direction: true, createdAt: true } });
    for (const call of calls) {
      const org = orgs.find((o) => o.id === call.organizationId)!;
      const local = new TZDate(call.createdAt, org.timezone);
      const weekday = Number(format(local, "i"));
      const minute = local.getHours() * 60 + local.getMinutes();
      if (call.direction === "OUTBOUND") {
        expect(org.callingDays).toContain(weekday);
        expect(minute).toBeGreaterThanOrEqual(org.callingWindowStart);
        expect(minute).toBeLessThan(org.callingWindowEnd);
      } else {
        const open = openingFor(readOpeningHours(org.openingHours), weekday);
        expect(open).not.toBeNull();
        expect(minute).toBeGreaterThanOrEqual(open!.start);
        expect(minute).toBeLessThan(open!.end);
      }
    }
  });

  it("runs once: a second start finds the marker and adds nothing", async () => {
    const counts = async () => Promise.all([getDb().call.count(), getDb().activityEvent.count(), getDb().appointment.count(), getDb().scheduledCall.count()]);
    const before = await counts();
    const again = await seedDemoHistory(getDb(), { databaseUrl: inject("databaseUrl"), tokenFile: join(tmpdir(), "unused-demo-tokens.json"), until: UNTIL });
    expect(again).toEqual({ made: false, reason: expect.stringContaining("made already") });
    expect(await counts()).toEqual(before);
    expect(await getDb().seedRun.findUnique({ where: { name: DEMO_HISTORY_RUN } })).toMatchObject({ finishedAt: expect.any(Date) });
  });

  it("is the same history on another database: same calls on the same days, with the same outcomes", async () => {
    const second = await freshDemo();
    expect(second.made && first.made && second.summary).toEqual(first.made && first.summary);
    expect(await fingerprint()).toEqual(firstPrint);
  }, 600_000);
});
