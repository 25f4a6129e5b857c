import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/contacts/export/route";
import { POST as importRoute } from "@/app/api/contacts/import/route";
import { getDb } from "@/lib/db";
import { resolveContactSelection } from "@/lib/contacts/resolve-contact-selection";
import { contactSelectionSchema } from "@/lib/contacts/schemas";
import { createMember } from "../../factories";
import { createCall, createContacts, type ContactSeed } from "../../factories/contacts";
import { callRoute, signInAs } from "../helpers/session";
import { importRequest, withParams } from "./helpers";

type Member = Awaited<ReturnType<typeof createMember>>;

async function exportCsv(as: Member, query = "") {
  signInAs(as.user);
  const res = await callRoute(exportRoute, { url: `http://localhost/api/contacts/export${query}` });
  // Keep the BOM (Response.text() would drop it) to check it is there.
  return { res, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer()) };
}

describe("CSV export", () => {
  let clinic: Member;
  let other: Member;

  beforeAll(async () => {
    clinic = await createMember("STAFF");
    other = await createMember("STAFF");
    await createContacts(clinic.organization.id, 2_345, (i): Partial<ContactSeed> => ({
      name: i === 0 ? '=HYPERLINK("http://evil.example","Click")' : `Patient ${String(i).padStart(5, "0")}`,
      email: i % 2 ? `p${i}@example.com` : null,
      customFields: i % 3 === 0 ? { appointment_type: "flu, then review", preferred_doctor: "Dr Tan" } : { health_fund: "Bupa" },
    }));
    await createContacts(other.organization.id, 10, (i) => ({ name: `Other ${i}` }), 90_000);
  });

  it("streams every contact of the current filter, with a column per custom field", async () => {
    const { res, text } = await exportCsv(clinic);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="contacts-clinic-.+-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([
      "name",
      "phone",
      "email",
      "business_name",
      "business_website",
      "timezone",
      "language",
      "do_not_call",
      "do_not_call_reason",
      "last_call_outcome",
      "last_call_at",
      "created_at",
      "consent_basis",
      "consent_source",
      "consent_date",
      "appointment_type",
      "health_fund",
      "preferred_doctor",
    ]);
    expect(rows).toHaveLength(2_346);
    expect(rows.filter((r) => r[0]!.startsWith("Other"))).toEqual([]);
    const three = rows.find((r) => r[0] === "Patient 00003")!;
    expect(three.slice(12)).toEqual(["", "", "", "flu, then review", "", "Dr Tan"]);
  });

  it("guards every cell that a spreadsheet would run as a formula (and phone numbers stay text)", async () => {
    const { text } = await exportCsv(clinic, "?q=hyperlink");
    const [, row] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(row![0]).toBe('\'=HYPERLINK("http://evil.example","Click")');
    expect(row![1]).toMatch(/^'\+61/);
  });

  it("exports the search only, in the sort asked for, with the last call", async () => {
    const [target] = await getDb().contact.findMany({ where: { organizationId: clinic.organization.id, name: "Patient 00042" } });
    await createCall(clinic.organization.id, target!.id, { outcome: "callback_requested", createdAt: new Date("2026-05-02T03:04:05.000Z") });
    const { text } = await exportCsv(clinic, "?q=Patient%200004&sort=created");
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(rows.map((r) => r[0]).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `Patient 0004${i}`));
    // On the clinic's clock (Sydney, +10:00 in May) with the offset, as the screens show it.
    const row = rows.find((r) => r[0] === "Patient 00042")!;
    expect(row.slice(9, 11)).toEqual(["callback_requested", "2026-05-02T13:04:05+10:00"]);
    expect(row[11]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+1[01]:00$/);
  });

  it("round-trips: importing an export changes nothing but updates every contact", async () => {
    const { text } = await exportCsv(clinic, "?q=Patient%20001");
    signInAs(clinic.user);
    const before = await getDb().contact.count({ where: { organizationId: clinic.organization.id } });
    const res = await importRoute(importRequest({ multipart: { file: text } }), withParams({}));
    const report = (await res.json()) as { created: number; updated: number; invalidRows: number; columns: { header: string; target: string }[] };
    expect(report).toMatchObject({ created: 0, updated: 100, invalidRows: 0 });
    expect(report.columns.filter((c) => c.target === "ignore").map((c) => c.header)).toEqual(["last_call_outcome", "last_call_at", "created_at"]);
    expect(await getDb().contact.count({ where: { organizationId: clinic.organization.id } })).toBe(before);
  });
});

describe("resolveContactSelection", () => {
  let clinic: Member;
  let smiths: { id: string }[];
  let others: { id: string }[];
  let foreign: { id: string }[];

  beforeAll(async () => {
    clinic = await createMember("STAFF");
    smiths = await createContacts(clinic.organization.id, 30, (i) => ({ name: `Jo Smith ${String(i).padStart(2, "0")}` }));
    others = await createContacts(clinic.organization.id, 20, (i) => ({ name: `Sam Nguyen ${String(i).padStart(2, "0")}` }), 100);
    foreign = await createContacts((await createMember("STAFF")).organization.id, 5, (i) => ({ name: `Jo Smith elsewhere ${i}` }), 200);
  });

  it("keeps explicit ids of the organization only, once each", async () => {
    const ids = await resolveContactSelection(clinic.organization.id, { ids: [smiths[0]!.id, others[0]!.id, smiths[0]!.id, foreign[0]!.id, "missing"] });
    expect(ids.sort()).toEqual([smiths[0]!.id, others[0]!.id].sort());
    expect(await resolveContactSelection(clinic.organization.id, { ids: [] })).toEqual([]);
  });

  it("resolves 'all matching q' minus exclusions plus inclusions, without other tenants", async () => {
    const ids = await resolveContactSelection(clinic.organization.id, {
      filter: { q: "smith" },
      excludeIds: [smiths[1]!.id, smiths[2]!.id],
      includeIds: [others[5]!.id, foreign[1]!.id],
    });
    const expected = [...smiths.slice(0, 1), ...smiths.slice(3), others[5]!].map((c) => c.id);
    expect(ids.sort()).toEqual(expected.sort());
  });

  it("resolves an empty search as everyone, and refuses more than the limit", async () => {
    expect(await resolveContactSelection(clinic.organization.id, { filter: { q: "" }, excludeIds: [], includeIds: [] })).toHaveLength(50);
    await expect(resolveContactSelection(clinic.organization.id, { filter: { q: "" }, excludeIds: [], includeIds: [] }, { max: 49 })).rejects.toMatchObject({
      code: "invalid_input",
    });
  });

  it("parses the browser's payload with the shared schema", () => {
    expect(contactSelectionSchema.parse({ filter: { q: " smith " } })).toEqual({ filter: { q: "smith" }, excludeIds: [], includeIds: [] });
    expect(contactSelectionSchema.safeParse({ ids: ["a"], filter: { q: "" } }).success).toBe(false);
  });
});
