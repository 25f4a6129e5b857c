import { foldForSearch } from "@/lib/text/fold-for-search";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/contacts/route";
import { getDb } from "@/lib/db";
import { CONTACT_COUNT_CAP, countContacts } from "@/lib/contacts/count-contacts";
import { listContacts, MATCHES_FIRST_MAX, WALK_MAX_ROWS } from "@/lib/contacts/list-contacts";
import { listContactsWithTotal } from "@/lib/contacts/list-contacts-with-total";
import { contactMatchesSearch } from "@/lib/contacts/search-terms";
import { createMember } from "../../factories";
import { createCall, createContacts } from "../../factories/contacts";
import { callRoute, signInAs } from "../helpers/session";

type Page = Awaited<ReturnType<typeof listContacts>>;

/** How the list orders names: case and accents ignored (the database's contact_name_sort_key). */
const sortKey = (name: string) => foldForSearch(name).toLowerCase();

/** Walks every page forward, calling `between` after each one (to write rows meanwhile). */
async function walk(
  organizationId: string,
  options: { sort: "name" | "created"; q?: string; limit: number; walkMaxRows?: number; matchCount?: number },
  between: (pageIndex: number) => Promise<void> = async () => {},
) {
  const seen: string[] = [];
  const pages: Page[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await listContacts(organizationId, { ...options, cursor });
    pages.push(page);
    seen.push(...page.contacts.map((c) => c.id));
    await between(i);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { seen, pages };
}

describe("keyset pagination", () => {
  let org: string;
  let originals: { id: string; name: string }[];

  beforeAll(async () => {
    org = (await createMember("STAFF")).organization.id;
    // Duplicate names and identical creation times: the id must break every tie.
    const sameInstant = new Date("2026-06-01T00:00:00.000Z");
    originals = await createContacts(org, 230, (i) => ({
      name: i % 3 === 0 ? "Same Name" : `Person ${String(i).padStart(4, "0")}`,
      createdAt: i % 4 === 0 ? sameInstant : new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    }));
    const outsider = (await createMember("STAFF")).organization.id;
    await createContacts(outsider, 40, () => ({}), 500);
  });

  it.each(["name", "created"] as const)("visits every row exactly once by %s, in order, while rows are inserted between pages", async (sort) => {
    let inserted = 0;
    const { seen, pages } = await walk(org, { sort, limit: 23 }, async (pageIndex) => {
      // New rows that sort before, among and after the ones already seen.
      await createContacts(
        org,
        3,
        (i) => ({ name: ["Aaron First", "Person 0100x", "Zed Last"][i % 3]!, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, pageIndex * 3 + (i % 3) * 50)) }),
        2_000 + pageIndex * 3,
      );
      inserted += 3;
    });
    expect(new Set(seen).size).toBe(seen.length); // nothing repeated
    const originalIds = originals.map((c) => c.id);
    expect(originalIds.filter((id) => !seen.includes(id))).toEqual([]); // nothing skipped
    // Each page is sorted, and pages follow one another.
    const rows = pages.flatMap((p) => p.contacts);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      if (sort === "name") expect(sortKey(a.name) < sortKey(b.name) || (sortKey(a.name) === sortKey(b.name) && a.id < b.id)).toBe(true);
      else expect(a.createdAt > b.createdAt || (a.createdAt.getTime() === b.createdAt.getTime() && a.id > b.id)).toBe(true);
    }
    expect(pages[0]!.prevCursor).toBeNull();
    expect(pages.at(-1)!.nextCursor).toBeNull();
    expect(inserted).toBeGreaterThan(0);
    // Leave only the originals for the next test.
    await getDb().contact.deleteMany({ where: { organizationId: org, id: { notIn: originals.map((c) => c.id) } } });
  });

  it("sorts names ignoring case and accents, across pages", async () => {
    const clinic = (await createMember("STAFF")).organization.id;
    const names = ["Zed Zimmer", "adam Ant", "Émile Ernst", "eve Early", "Ödön Olt", "oscar Orr", "Ángel Abad", "ZOE Zane", "Łukasz Lis", "Øyvind Olsen"];
    await createContacts(clinic, names.length, (i) => ({ name: names[i]! }));
    const { pages } = await walk(clinic, { sort: "name", limit: 3 });
    expect(pages.flatMap((p) => p.contacts.map((c) => c.name))).toEqual([
      "adam Ant",
      "Ángel Abad",
      "Émile Ernst",
      "eve Early",
      "Łukasz Lis",
      "Ödön Olt",
      "oscar Orr",
      "Øyvind Olsen",
      "Zed Zimmer",
      "ZOE Zane",
    ]);
  });

  it("goes back with the previous cursor to exactly the page before", async () => {
    const first = await listContacts(org, { sort: "name", limit: 20 });
    const second = await listContacts(org, { sort: "name", limit: 20, cursor: first.nextCursor! });
    const third = await listContacts(org, { sort: "name", limit: 20, cursor: second.nextCursor! });
    const backToSecond = await listContacts(org, { sort: "name", limit: 20, cursor: third.prevCursor! });
    expect(backToSecond.contacts.map((c) => c.id)).toEqual(second.contacts.map((c) => c.id));
    const backToFirst = await listContacts(org, { sort: "name", limit: 20, cursor: backToSecond.prevCursor! });
    expect(backToFirst.contacts.map((c) => c.id)).toEqual(first.contacts.map((c) => c.id));
    expect(backToFirst.prevCursor).toBeNull();
  });

  it("pages through a search the same way, and counts what matches", async () => {
    const { seen } = await walk(org, { sort: "name", q: "same", limit: 7 });
    const expected = (await getDb().contact.findMany({ where: { organizationId: org, name: "Same Name" }, select: { id: true } })).map((c) => c.id);
    expect([...seen].sort()).toEqual([...expected].sort());
    expect(await countContacts(org, "same")).toBe(expected.length);
  });

  it("refuses a cursor that was tampered with or belongs to the other sort (400)", async () => {
    const first = await listContacts(org, { sort: "name", limit: 5 });
    signInAs((await getDb().membership.findFirstOrThrow({ where: { organizationId: org }, include: { user: true } })).user);
    const tampered = await callRoute(listRoute, { url: "http://localhost/api/contacts?cursor=bm9wZQ" });
    const otherSort = await callRoute(listRoute, { url: `http://localhost/api/contacts?sort=created&cursor=${first.nextCursor}` });
    expect([tampered.status, otherSort.status]).toEqual([400, 400]);
  });

  it("carries each contact's latest call outcome, from one query for the page", async () => {
    const [a, b] = (await listContacts(org, { sort: "name", limit: 2 })).contacts;
    await createCall(org, a!.id, { outcome: "no_answer", createdAt: new Date("2026-05-01T00:00:00Z") });
    await createCall(org, a!.id, { outcome: "appointment_booked", createdAt: new Date("2026-05-02T00:00:00Z") });
    await createCall(org, a!.id, { outcome: null, status: "FAILED", createdAt: new Date("2026-04-01T00:00:00Z") });
    const page = await listContacts(org, { sort: "name", limit: 2 });
    expect(page.contacts[0]!.lastCall).toEqual({ outcome: "appointment_booked", status: "COMPLETED", at: new Date("2026-05-02T00:00:00Z") });
    expect(page.contacts[1]!.id).toBe(b!.id);
    expect(page.contacts[1]!.lastCall).toBeNull();
  });

  it("returns total=1 on request through the API", async () => {
    signInAs((await getDb().membership.findFirstOrThrow({ where: { organizationId: org }, include: { user: true } })).user);
    const res = await callRoute(listRoute, { url: "http://localhost/api/contacts?limit=5&total=1&q=same" });
    const body = (await res.json()) as { contacts: unknown[]; total: number; nextCursor: string | null };
    expect(body.contacts).toHaveLength(5);
    expect(body.total).toBe(await countContacts(org, "same"));
    expect(body.nextCursor).toEqual(expect.any(String));
  });
});

describe("search", () => {
  let org: string;
  const people = [
    { name: "Jane O'Brien", email: "jane@example.com", businessName: "Newtown Bakery", phoneNumber: "+61491570156" },
    { name: "John Smith", email: "jsmith@clinic.example", businessName: null, phoneNumber: "+61255500001" },
    { name: "Mary Jones", email: null, businessName: "Glebe Books", phoneNumber: "+14155552671" },
    { name: "Bjorn Anders", email: "bjorn@example.org", businessName: "100% Pure_Juice", phoneNumber: "+447400123456" },
    { name: "li wei", email: "WEI@EXAMPLE.COM", businessName: "Coogee Dental Lab", phoneNumber: "+61370100002" },
  ];

  beforeAll(async () => {
    org = (await createMember("STAFF")).organization.id;
    await createContacts(org, people.length, (i) => people[i]!);
  });

  it.each([
    "jo",
    "j",
    "JONES",
    "o'b",
    "bakery",
    "example.com",
    "wei@",
    "0491 570",
    "491570156",
    "+1 415",
    "0044 7400",
    "5550",
    "100%",
    "_",
    "pure_j",
    "Li W",
    "zzz",
    "a",
    "ok",
  ])("finds in SQL exactly whom the browser's matcher finds for %j", async (q) => {
    const found = (await listContacts(org, { sort: "name", limit: 100, q })).contacts.map((c) => c.name).sort();
    const expected = people
      .filter((p) => contactMatchesSearch(p, q))
      .map((p) => p.name)
      .sort();
    expect(found).toEqual(expected);
  });

  it("treats % and _ as characters, not wildcards", async () => {
    expect((await listContacts(org, { sort: "name", limit: 100, q: "100%" })).contacts.map((c) => c.name)).toEqual(["Bjorn Anders"]);
    expect((await listContacts(org, { sort: "name", limit: 100, q: "0%P" })).contacts).toEqual([]);
  });
});

describe("a search matching more than MATCHES_FIRST_MAX contacts", () => {
  it('says "1,000+" and is paged by walking the index, with nothing skipped or repeated', async () => {
    const org = (await createMember("STAFF")).organization.id;
    const many = MATCHES_FIRST_MAX + 123;
    await createContacts(org, many, (i) => ({ name: `Common ${String(i).padStart(5, "0")}` }));
    await createContacts(org, 50, (i) => ({ name: `Rare ${i}` }), 20_000);

    const first = await listContactsWithTotal(org, { sort: "name", limit: 100, q: "common" });
    expect(first).toMatchObject({ total: MATCHES_FIRST_MAX, totalCapped: true });
    expect(first.contacts.map((c) => c.name)).toEqual(Array.from({ length: 100 }, (_, i) => `Common ${String(i).padStart(5, "0")}`));
    const few = await listContactsWithTotal(org, { sort: "name", limit: 100, q: "rare" });
    expect(few).toMatchObject({ total: 50, totalCapped: false });
    const exactly = await listContactsWithTotal(org, { sort: "name", limit: 100, q: "Common 00" });
    expect(exactly).toMatchObject({ total: MATCHES_FIRST_MAX, totalCapped: false });

    const { seen } = await walk(org, { sort: "name", q: "common", limit: 400 });
    expect(seen).toHaveLength(many);
    expect(new Set(seen).size).toBe(many);
    // Told the count beforehand (as the export is), every page walks the index: the same rows, in order.
    const told = await walk(org, { sort: "name", q: "common", limit: 400, matchCount: MATCHES_FIRST_MAX + 1 });
    expect(told.seen).toEqual(seen);
    expect(told.pages[0]!.contacts.slice(0, 2).map((c) => c.name)).toEqual(["Common 00000", "Common 00001"]);
  });
});

describe("a search whose many matches sort after the walk's bound", () => {
  // The app's bound is WALK_MAX_ROWS; a smaller one reaches the same fallback with fewer rows.
  const walkMaxRows = 2_000;
  it("finds them by sorting the matches, in order, with nothing skipped or repeated, both ways", { timeout: 120_000 }, async () => {
    expect(walkMaxRows).toBeLessThan(WALK_MAX_ROWS);
    const org = (await createMember("STAFF")).organization.id;
    const many = MATCHES_FIRST_MAX + 100;
    await createContacts(org, walkMaxRows + 500, (i) => ({ name: `Abbott ${String(i).padStart(5, "0")}` }));
    await createContacts(org, many, (i) => ({ name: `Zed Olivia ${i}` }), 30_000);

    const first = await listContactsWithTotal(org, { sort: "name", limit: 50, q: "olivia", walkMaxRows });
    expect(first).toMatchObject({ total: MATCHES_FIRST_MAX, totalCapped: true });
    expect(first.contacts.map((c) => c.name)).toEqual(Array.from({ length: 50 }, (_, i) => `Zed Olivia ${30_000 + i}`));
    // With the app's bound the walk reaches them itself: the same page.
    const walkedThere = await listContactsWithTotal(org, { sort: "name", limit: 50, q: "olivia" });
    expect(walkedThere.contacts.map((c) => c.id)).toEqual(first.contacts.map((c) => c.id));

    const { seen, pages } = await walk(org, { sort: "name", q: "olivia", limit: 250, walkMaxRows });
    expect(seen).toHaveLength(many);
    expect(new Set(seen).size).toBe(many);
    const back = await listContacts(org, { sort: "name", limit: 250, q: "olivia", cursor: pages.at(-1)!.prevCursor!, walkMaxRows });
    expect(back.contacts.map((c) => c.id)).toEqual(pages.at(-2)!.contacts.map((c) => c.id));
    // Newest first, the same matches (a different walk: creation order).
    expect((await walk(org, { sort: "created", q: "olivia", limit: 400, walkMaxRows })).seen.sort()).toEqual([...seen].sort());
  });

  it("stops at the bound even when the bound's own row matches, and ends on the last page when the rows run out", async () => {
    const org = (await createMember("STAFF")).organization.id;
    // 1,050 matches, the first of them the 11th row by name: a bound of 10 never reaches a match.
    await createContacts(org, 10, (i) => ({ name: `Aaron ${String(i).padStart(2, "0")}` }));
    await createContacts(org, MATCHES_FIRST_MAX + 50, (i) => ({ name: `Bea Match ${String(i - 10_000).padStart(4, "0")}` }), 10_000);
    const sorted = await listContacts(org, { sort: "name", limit: 5, q: "match", walkMaxRows: 10 });
    expect(sorted.contacts.map((c) => c.name)).toEqual(["Bea Match 0000", "Bea Match 0001", "Bea Match 0002", "Bea Match 0003", "Bea Match 0004"]);
    // A bound of 11 lands on the first match itself: one match found, then the bound — still sorted, not a short page.
    const atTheBound = await listContacts(org, { sort: "name", limit: 5, q: "match", walkMaxRows: 11 });
    expect(atTheBound.contacts.map((c) => c.name)).toEqual(sorted.contacts.map((c) => c.name));
    // The last page: the walk runs out of rows before its bound, and that short page is the end.
    const { seen, pages } = await walk(org, { sort: "name", q: "match", limit: 300 });
    expect(seen).toHaveLength(MATCHES_FIRST_MAX + 50);
    expect(pages.at(-1)!.contacts.map((c) => c.name)).toEqual(Array.from({ length: 150 }, (_, i) => `Bea Match ${String(900 + i).padStart(4, "0")}`));
    expect(pages.at(-1)!.nextCursor).toBeNull();
  });
});

describe("the contacts count", () => {
  it(`stops at ${CONTACT_COUNT_CAP.toLocaleString("en")} and says there are more`, { timeout: 120_000 }, async () => {
    const org = (await createMember("STAFF")).organization.id;
    await createContacts(org, CONTACT_COUNT_CAP);
    expect(await listContactsWithTotal(org, { sort: "name", limit: 10 })).toMatchObject({ total: CONTACT_COUNT_CAP, totalCapped: false });
    await createContacts(org, 1, () => ({}), CONTACT_COUNT_CAP);
    expect(await listContactsWithTotal(org, { sort: "name", limit: 10 })).toMatchObject({ total: CONTACT_COUNT_CAP, totalCapped: true });
    expect(await countContacts(org)).toBe(CONTACT_COUNT_CAP + 1);
  });
});
