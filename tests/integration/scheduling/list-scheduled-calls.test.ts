import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/scheduled-calls/route";
import { GET as listBatchesRoute } from "@/app/api/call-batches/route";
import { getDb } from "@/lib/db";
import { listScheduledCalls, listScheduledCallsPage } from "@/lib/scheduling/list-scheduled-calls";
import { createContacts } from "../../factories/contacts";
import { createBatchRow, createScheduledCallRows, createSchedulingMember, type SchedulingMember } from "../../factories/scheduling";
import { callRoute, signInAs } from "../helpers/session";

type Counts = Record<"PENDING" | "PAUSED" | "WAITING" | "IN_PROGRESS" | "COMPLETED" | "FAILED" | "CANCELLED", number>;
interface Page {
  scheduledCalls: { id: string; status: string; scheduledTime: string; batchId: string | null; contact: { id: string } }[];
  nextCursor: string | null;
  counts: Counts;
}

async function list(query: string) {
  const res = await callRoute(listRoute, { url: `http://localhost/api/scheduled-calls${query}` });
  return { status: res.status, body: (await res.json()) as Page & { detail?: string } };
}

/** Follows nextCursor from the first page to the last. */
async function walk(query: Record<string, string>) {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) });
    const { status, body } = await list(`?${params}`);
    expect(status).toBe(200);
    pages.push(body);
    cursor = body.nextCursor;
  } while (cursor && pages.length < 20);
  return { pages, ids: pages.flatMap((page) => page.scheduledCalls.map((call) => call.id)) };
}

describe("GET /api/scheduled-calls", () => {
  let clinic: SchedulingMember;
  let other: SchedulingMember;
  let batchId: string;
  let pendingInOrder: string[];
  let cancelledNewestFirst: string[];
  let foreignIds: Set<string>;
  const start = new Date("2030-03-04T00:00:00.000Z");

  beforeAll(async () => {
    clinic = await createSchedulingMember("STAFF");
    other = await createSchedulingMember("STAFF");
    const contacts = await createContacts(clinic.organization.id, 150);
    batchId = (await createBatchRow(clinic.organization.id, { scheduledCount: 130 })).id;
    // 130 pending calls in one batch, three on each minute: the id must break every tie.
    const pending = await createScheduledCallRows(
      clinic.organization.id,
      contacts.slice(0, 130).map((c) => c.id),
      { start, sharedTimes: 3, batchId },
    );
    pendingInOrder = pending.map((row) => row.id);
    await createScheduledCallRows(
      clinic.organization.id,
      contacts.slice(130, 142).map((c) => c.id),
      { start, sharedTimes: 2, status: "CANCELLED" },
    );
    cancelledNewestFirst = (
      await getDb().scheduledCall.findMany({
        where: { organizationId: clinic.organization.id, status: "CANCELLED" },
        orderBy: [{ scheduledTime: "desc" }, { id: "desc" }],
        select: { id: true },
      })
    ).map((row) => row.id);
    await createScheduledCallRows(
      clinic.organization.id,
      contacts.slice(142, 145).map((c) => c.id),
      { start, status: "IN_PROGRESS", batchId },
    );
    await createScheduledCallRows(
      clinic.organization.id,
      contacts.slice(145, 150).map((c) => c.id),
      { start, status: "COMPLETED" },
    );

    const theirs = await createContacts(other.organization.id, 20, () => ({}), 5_000);
    const theirBatch = await createBatchRow(other.organization.id);
    foreignIds = new Set(
      (
        await createScheduledCallRows(
          other.organization.id,
          theirs.map((c) => c.id),
          { start, batchId: theirBatch.id },
        )
      ).map((row) => row.id),
    );
  });
  beforeEach(() => signInAs(clinic.user));

  it("pages through 130 pending calls, 50 at a time, in time order, nothing skipped or repeated", async () => {
    const { pages, ids } = await walk({ status: "PENDING", limit: "50" });
    expect(pages.map((page) => page.scheduledCalls.length)).toEqual([50, 50, 30]);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    expect(ids).toEqual(pendingInOrder);
    expect(pages.flatMap((page) => page.scheduledCalls).every((call) => call.status === "PENDING")).toBe(true);
  });

  it("lists finished calls newest first, with their own cursor", async () => {
    const { pages, ids } = await walk({ status: "CANCELLED", limit: "5" });
    expect(pages.map((page) => page.scheduledCalls.length)).toEqual([5, 5, 2]);
    expect(ids).toEqual(cancelledNewestFirst);
  });

  it("lists every status together newest first by scheduled time, page after page, without another clinic's rows", async () => {
    const { pages, ids } = await walk({ limit: "40" });
    expect(pages.map((page) => page.scheduledCalls.length)).toEqual([40, 40, 40, 30]);
    expect(ids).toHaveLength(150);
    expect(new Set(ids).size).toBe(150);
    expect(ids.filter((id) => foreignIds.has(id))).toEqual([]);
    const stored = await getDb().scheduledCall.findMany({
      where: { organizationId: clinic.organization.id },
      orderBy: [{ scheduledTime: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(ids).toEqual(stored.map((row) => row.id));
    // Each row's scheduled time, the time the table shows on this list, never goes up down the list.
    const times = pages.flatMap((page) => page.scheduledCalls.map((call) => +new Date(call.scheduledTime)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("counts calls per status, whatever status is listed", async () => {
    const expected: Counts = { PENDING: 130, PAUSED: 0, WAITING: 0, IN_PROGRESS: 3, COMPLETED: 5, FAILED: 0, CANCELLED: 12 };
    expect((await list("?limit=1")).body.counts).toEqual(expected);
    expect((await list("?status=COMPLETED&limit=1")).body.counts).toEqual(expected);
  });

  it("counts each status up to 10,000 and says 'more' past it (10,001), so a long history is not read on every view", async () => {
    const big = await createSchedulingMember("STAFF");
    const [contact] = await createContacts(big.organization.id, 1);
    await createScheduledCallRows(big.organization.id, Array<string>(10_050).fill(contact!.id), {
      start: new Date(Date.now() - 86_400_000),
      status: "COMPLETED",
    });
    await createScheduledCallRows(big.organization.id, [contact!.id, contact!.id], { start: new Date(Date.now() + 86_400_000) });
    signInAs(big.user);
    expect((await list("?limit=1")).body.counts).toEqual({ PENDING: 2, PAUSED: 0, WAITING: 0, IN_PROGRESS: 0, COMPLETED: 10_001, FAILED: 0, CANCELLED: 0 });
    signInAs(clinic.user);
  });

  it("gives the overview its next calls without counting the clinic's whole history (the counts read every row)", async () => {
    const query = { status: "PENDING" as const, limit: 5 };
    const page = await listScheduledCallsPage(clinic.organization.id, query);
    expect(page).not.toHaveProperty("counts");
    const { counts, ...listed } = await listScheduledCalls(clinic.organization.id, query);
    expect(counts.PENDING).toBe(130);
    expect(page).toEqual(listed);
    expect(page.scheduledCalls.map((call) => call.id)).toEqual(pendingInOrder.slice(0, 5));
  });

  it("filters by batch, and counts only that batch's calls", async () => {
    const { ids } = await walk({ batchId, limit: "100" });
    expect(ids).toHaveLength(133);
    const { body } = await list(`?batchId=${batchId}&status=IN_PROGRESS`);
    expect(body.scheduledCalls.map((call) => call.batchId)).toEqual([batchId, batchId, batchId]);
    expect(body.counts).toEqual({ PENDING: 130, PAUSED: 0, WAITING: 0, IN_PROGRESS: 3, COMPLETED: 0, FAILED: 0, CANCELLED: 0 });
  });

  it("shows another clinic's batch as empty, and the other clinic only its own calls", async () => {
    const theirBatch = await getDb().callBatch.findFirstOrThrow({ where: { organizationId: other.organization.id } });
    const { body } = await list(`?batchId=${theirBatch.id}`);
    expect(body.scheduledCalls).toEqual([]);
    expect(Object.values(body.counts).every((count) => count === 0)).toBe(true);

    signInAs(other.user);
    const theirs = await walk({ limit: "200" });
    expect(new Set(theirs.ids)).toEqual(foreignIds);
  });

  it.each([
    ["?cursor=not-a-cursor", "The page cursor is invalid. Start again from the first page."],
    [
      `?cursor=${Buffer.from(JSON.stringify({ t: "yesterday", id: "x", o: "asc" })).toString("base64url")}`,
      "The page cursor is invalid. Start again from the first page.",
    ],
    ["?status=PENDING&limit=0", "Some query parameters are invalid"],
    ["?limit=201", "Some query parameters are invalid"],
    ["?status=LOST", "Some query parameters are invalid"],
  ])("answers 400 to %s", async (query, detail) => {
    const { status, body } = await list(query);
    expect(status).toBe(400);
    expect(body.detail).toBe(detail);
  });

  it("refuses a cursor from an ascending list on a descending one", async () => {
    const { body } = await list("?status=PENDING&limit=1");
    const { status } = await list(`?status=CANCELLED&cursor=${body.nextCursor}`);
    expect(status).toBe(400);
  });

  it("answers 401 without a session", async () => {
    signInAs(null);
    expect((await list("")).status).toBe(401);
  });
});

describe("GET /api/scheduled-calls?status=PENDING: by when each call is next due", () => {
  it("lists a call retrying later by its retry time, not its first one, page after page; a cursor of the scheduled-time order is a 400", async () => {
    const clinic = await createSchedulingMember("STAFF");
    signInAs(clinic.user);
    const contacts = await createContacts(clinic.organization.id, 5);
    const start = new Date(Date.now() + 60 * 60_000);
    // Planned 10 minutes apart: A, B, C, D, E.
    const [a, b, c, d, e] = await createScheduledCallRows(
      clinic.organization.id,
      contacts.map((contact) => contact.id),
      { start, spacingMinutes: 10 },
    );
    // A rang busy and retries tomorrow; C retries after E's time.
    const tomorrow = new Date(+start + 86_400_000);
    await getDb().scheduledCall.update({ where: { id: a!.id }, data: { nextAttemptAt: tomorrow, attempts: 1 } });
    await getDb().scheduledCall.update({ where: { id: c!.id }, data: { nextAttemptAt: new Date(+start + 45 * 60_000), attempts: 1 } });

    const { pages, ids } = await walk({ status: "PENDING", limit: "2" });
    expect(pages.map((page) => page.scheduledCalls.length)).toEqual([2, 2, 1]);
    expect(ids).toEqual([b!.id, d!.id, e!.id, c!.id, a!.id]);
    const retrying = pages.at(-1)!.scheduledCalls[0] as Page["scheduledCalls"][number] & { dueAt: string };
    expect(retrying).toMatchObject({ id: a!.id, dueAt: tomorrow.toISOString(), scheduledTime: start.toISOString() });

    // Every status together reads by the scheduled time, newest first; a link to it from when it read oldest first is a 400.
    expect((await walk({ limit: "2" })).ids).toEqual([e!.id, d!.id, c!.id, b!.id, a!.id]);
    const oldAll = Buffer.from(JSON.stringify({ t: a!.scheduledTime.toISOString(), id: a!.id, o: "asc" })).toString("base64url");
    expect((await list(`?cursor=${oldAll}`)).status).toBe(400);

    // A link made before the Pending tab read by due time: start again from the first page rather than skip calls.
    const old = Buffer.from(JSON.stringify({ t: b!.scheduledTime.toISOString(), id: b!.id, o: "asc" })).toString("base64url");
    const { status, body } = await list(`?status=PENDING&cursor=${old}`);
    expect(status).toBe(400);
    expect(body.detail).toBe("The page cursor is invalid. Start again from the first page.");
  });
});

describe("GET /api/call-batches", () => {
  let clinic: SchedulingMember;
  let batches: { id: string }[];

  beforeAll(async () => {
    clinic = await createSchedulingMember("STAFF");
    const contacts = await createContacts(clinic.organization.id, 4, () => ({}), 8_000);
    // 25 batches, some created at the same instant.
    batches = [];
    for (let i = 0; i < 25; i++)
      batches.push(await createBatchRow(clinic.organization.id, { name: `Batch ${i}`, createdAt: new Date(Date.UTC(2026, 10, 1, 0, Math.floor(i / 2))) }));
    await createScheduledCallRows(
      clinic.organization.id,
      contacts.slice(0, 3).map((c) => c.id),
      { start: new Date("2030-01-01T00:00:00Z"), batchId: batches[24]!.id },
    );
    await createScheduledCallRows(
      clinic.organization.id,
      contacts.slice(3).map((c) => c.id),
      { start: new Date("2030-01-01T00:00:00Z"), batchId: batches[24]!.id, status: "CANCELLED" },
    );
    const other = await createSchedulingMember("STAFF");
    await createBatchRow(other.organization.id, { name: "Not yours" });
  });
  beforeEach(() => signInAs(clinic.user));

  it("pages newest first without skipping or repeating, each batch with its calls counted by status", async () => {
    const seen: { id: string; name: string; counts: Counts }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await callRoute(listBatchesRoute, { url: `http://localhost/api/call-batches?limit=10${cursor ? `&cursor=${cursor}` : ""}` });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { batches: { id: string; name: string; counts: Counts }[]; nextCursor: string | null };
      seen.push(...body.batches);
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    const stored = await getDb().callBatch.findMany({ where: { organizationId: clinic.organization.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(seen.map((batch) => batch.id)).toEqual(stored.map((batch) => batch.id));
    expect(seen.map((batch) => batch.name)).not.toContain("Not yours");
    expect(seen[0]!.counts).toEqual({ PENDING: 3, PAUSED: 0, WAITING: 0, IN_PROGRESS: 0, COMPLETED: 0, FAILED: 0, CANCELLED: 1 });
    expect(seen[1]!.counts).toEqual({ PENDING: 0, PAUSED: 0, WAITING: 0, IN_PROGRESS: 0, COMPLETED: 0, FAILED: 0, CANCELLED: 0 });
  });

  it("answers 400 to an invalid cursor", async () => {
    const res = await callRoute(listBatchesRoute, { url: "http://localhost/api/call-batches?cursor=bogus" });
    expect(res.status).toBe(400);
  });
});
