import { beforeEach, describe, expect, it } from "vitest";
import { callSearchText } from "@/lib/calls/meaning/describe-call";
import { GET as listRoute } from "@/app/api/calls/route";
import { GET as getRoute } from "@/app/api/calls/[id]/route";
import { GET as exportRoute } from "@/app/api/calls/export/route";
import { getDb } from "@/lib/db";
import { createContact, createMember } from "../../factories";
import { createCalls } from "../../factories/calls";
import { callRoute, signInAs } from "../helpers/session";

type Page = { calls: Array<{ id: string; outcome: string | null; contactName: string | null }>; nextCursor: string | null };

const list = async (query: string) => {
  const res = await callRoute(listRoute, { url: `http://localhost/api/calls?${query}` });
  return { status: res.status, body: (await res.json()) as Page & { detail?: string; issues?: Array<{ path: string; message: string }> } };
};

describe("call history (/api/calls)", () => {
  let member: Awaited<ReturnType<typeof createMember>>;
  let other: Awaited<ReturnType<typeof createMember>>;

  beforeEach(async () => {
    member = await createMember("STAFF");
    other = await createMember("STAFF");
    signInAs(member.user);
  });

  it("pages by keyset through every call exactly once, newest first, even with equal times", async () => {
    // 125 calls, every pair sharing one createdAt: the id breaks the tie, so nothing is skipped or repeated.
    const ids = await createCalls(member.organization.id, 125, (i) => ({ createdAt: new Date(Date.UTC(2026, 10, 22, 3, 0) - Math.floor(i / 2) * 60_000) }));
    await createCalls(other.organization.id, 10);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { status, body }: { status: number; body: Page } = await list(`limit=20${cursor ? `&cursor=${cursor}` : ""}`);
      expect(status).toBe(200);
      seen.push(...body.calls.map((call) => call.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(7);
    expect(new Set(seen).size).toBe(125);
    const expected = ids
      .map((id, i) => ({ id, t: Date.UTC(2026, 10, 22, 3, 0) - Math.floor(i / 2) * 60_000 }))
      .sort((a, b) => b.t - a.t || (a.id < b.id ? 1 : -1));
    expect(seen).toEqual(expected.map((row) => row.id));
  });

  it("filters by outcome, status, direction, contact, clinic days and words in the summary, title, caller name or outcome", async () => {
    const contact = await createContact(member.organization.id, { name: "Filter Person" });
    const org = member.organization.id;
    // Sydney: 2026-11-22 begins at 2026-11-21T13:00Z and ends at 2026-11-22T13:00Z.
    const [booked] = await createCalls(org, 1, () => ({
      createdAt: new Date("2026-11-21T13:30:00Z"),
      outcome: "resolved",
      intent: "scheduling",
      contactId: contact.id,
      searchText: "Booked a check-up for Tuesday",
    }));
    const [escalated] = await createCalls(org, 1, () => ({
      createdAt: new Date("2026-11-22T12:59:00Z"),
      outcome: "escalated",
      // Written as the app writes it: accents folded.
      searchText: callSearchText({
        summary: "MARÍA Łopez asked for the practice manager about 100% refund",
        summaryTitle: null,
        callerName: null,
        outcome: "escalated",
      }),
    }));
    const [yesterday] = await createCalls(org, 1, () => ({ createdAt: new Date("2026-11-21T12:59:00Z"), outcome: "voicemail" }));
    const [failed] = await createCalls(org, 1, () => ({ createdAt: new Date("2026-11-20T01:00:00Z"), status: "FAILED", outcome: "busy" }));
    const [inbound] = await createCalls(org, 1, () => ({ createdAt: new Date("2026-11-19T01:00:00Z"), direction: "INBOUND", outcome: "not_interested" }));
    await createCalls(other.organization.id, 1, () => ({ outcome: "escalated", searchText: "practice manager" }));

    const ids = async (query: string) => (await list(query)).body.calls.map((call) => call.id);
    expect(await ids("outcome=escalated")).toEqual([escalated]);
    expect(await ids("status=FAILED")).toEqual([failed]);
    expect(await ids("direction=INBOUND")).toEqual([inbound]);
    expect(await ids("outcome=not_interested")).toEqual([inbound]);
    expect(await ids(`contactId=${contact.id}`)).toEqual([booked]);
    expect(await ids("from=2026-11-22&to=2026-11-22")).toEqual([escalated, booked]);
    expect(await ids("to=2026-11-21")).toEqual([yesterday, failed, inbound]);
    expect(await ids("q=CHECK-UP")).toEqual([booked]);
    expect(await ids("q=practice%20manager")).toEqual([escalated]);
    // Accents and strokes fold on both sides: typed with or without them, the caller's name is found.
    expect(await ids("q=maria%20lopez")).toEqual([escalated]);
    expect(await ids(`q=${encodeURIComponent("maría łopez")}`)).toEqual([escalated]);
    // % is a character to find, not a wildcard.
    expect(await ids("q=100%25")).toEqual([escalated]);
    expect(await ids("q=0%25")).toEqual([escalated]);
    expect(await ids("q=%25%25%25")).toEqual([]);
    expect((await list("")).body.calls[0]).toMatchObject({ id: escalated });
    expect((await list(`contactId=${contact.id}`)).body.calls[0]).toMatchObject({ contactName: "Filter Person" });
  });

  it("refuses malformed filters and a 10,000-character search with a 400 in plain words", async () => {
    for (const query of [
      "from=2026-13-01",
      "from=yesterday",
      "to=2026-02-30",
      "from=2026-11-22&to=2026-11-01",
      "status=RINGING",
      "direction=sideways",
      "outcome=DROP%20TABLE",
      "limit=1000",
      "cursor=not-a-cursor",
    ]) {
      const { status, body } = await list(query);
      expect(status, query).toBe(400);
      expect(body.detail, query).toBeTruthy();
    }
    const { status, body } = await list(`q=${"a".repeat(10_000)}`);
    expect(status).toBe(400);
    expect(body.issues?.[0]?.message).toMatch(/at most 200 characters/);
  });

  it("answers 404 for another clinic's call, exactly like a missing one", async () => {
    const [mine] = await createCalls(member.organization.id, 1, () => ({
      summary: "Mine",
      transcript: [{ role: "agent", message: "Hello", timeInCallSecs: 0 }],
    }));
    const [theirs] = await createCalls(other.organization.id, 1, () => ({ summary: "Theirs" }));
    const own = await callRoute(getRoute, { params: { id: mine! } });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ call: { id: mine, summary: "Mine", transcript: [{ role: "agent", message: "Hello" }] } });
    const foreign = await callRoute(getRoute, { params: { id: theirs! } });
    const missing = await callRoute(getRoute, { params: { id: "call_nobody" } });
    expect([foreign.status, missing.status]).toEqual([404, 404]);
    expect((await foreign.json()).detail).toBe((await missing.json()).detail);
    // Nor does another clinic's contact id reveal its calls.
    const theirContact = await createContact(other.organization.id);
    await getDb().call.update({ where: { id: theirs! }, data: { contactId: theirContact.id } });
    expect((await list(`contactId=${theirContact.id}`)).body.calls).toEqual([]);
  });

  it("exports the current filter as CSV with the formula-injection guard", async () => {
    await createCalls(member.organization.id, 3, (i) => ({
      outcome: i === 0 ? "escalated" : "resolved",
      summary: i === 0 ? '=HYPERLINK("http://evil")' : "Fine",
      toNumber: "+61255500001",
    }));
    const res = await callRoute(exportRoute, { url: "http://localhost/api/calls/export?outcome=escalated" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const text = await res.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^created_at,contact,phone,direction,status,outcome/);
    // Created 03:00 UTC: the clinic's (Sydney's) clock, with the offset.
    expect(lines[1]!.startsWith("2026-11-22T14:00:00+11:00,")).toBe(true);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain("'+61255500001");
    expect((await callRoute(exportRoute, { url: "http://localhost/api/calls/export?from=nope" })).status).toBe(400);
  });

  it("exports the patient's number for an inbound call (the caller), not the clinic's line", async () => {
    await createCalls(member.organization.id, 1, () => ({ direction: "INBOUND", fromNumber: "+61412345678", toNumber: "+61255508000" }));
    const text = await (await callRoute(exportRoute, { url: "http://localhost/api/calls/export?direction=INBOUND" })).text();
    const [, row] = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(row).toContain("'+61412345678");
    expect(row).not.toContain("+61255508000");
  });
});
