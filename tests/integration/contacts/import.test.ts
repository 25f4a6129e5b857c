import { beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/contacts/import/route";
import { getDb } from "@/lib/db";
import type { ImportReport } from "@/lib/contacts/import/import-contacts";
import { IMPORT_MAX_BYTES } from "@/lib/contacts/import/limits";
import { createMember } from "../../factories";
import { createContacts, csv, fictionalPhone } from "../../factories/contacts";
import { signInAs } from "../helpers/session";
import { importRequest, withParams } from "./helpers";
import { listDoNotCall } from "../../factories/do-not-call";
import { getContact } from "@/lib/contacts/get-contact";

type Member = Awaited<ReturnType<typeof createMember>>;

async function upload(as: Member, text: string | Uint8Array, fields: Record<string, string> = {}) {
  signInAs(as.user);
  const res = await importRoute(importRequest({ multipart: { file: text as BlobPart, fields } }), withParams({}));
  return { status: res.status, body: (await res.json()) as ImportReport & { code?: string; detail?: string; report?: ImportReport } };
}

const count = (organizationId: string) => getDb().contact.count({ where: { organizationId } });

describe("CSV import", () => {
  let clinic: Member;

  beforeAll(async () => {
    clinic = await createMember("STAFF");
  });

  it("imports 10,000 rows in one request, in batches, and says how many were created", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      `Patient ${i}`,
      fictionalPhone(i).replace("+61", "0"),
      `p${i}@example.com`,
      i % 2 ? "flu vaccination" : "annual check-up",
    ]);
    const text = csv(["Name", "Mobile", "Email", "Appointment Type"], rows);
    const started = performance.now();
    const { status, body } = await upload(clinic, text);
    const ms = performance.now() - started;
    expect(status).toBe(200);
    expect(body).toMatchObject({ dryRun: false, rows: 10_000, validRows: 10_000, invalidRows: 0, created: 10_000, updated: 0, skipped: 0, errors: [] });
    expect(await count(clinic.organization.id)).toBe(10_000);
    const one = await getDb().contact.findFirstOrThrow({ where: { organizationId: clinic.organization.id, name: "Patient 42" } });
    expect(one).toMatchObject({ phoneNumber: fictionalPhone(42), email: "p42@example.com", customFields: { appointment_type: "annual check-up" } });
    console.log(`[import] 10,000 rows in ${Math.round(ms)} ms (not asserted: see npm run bench)`);
  });

  it("re-importing the same numbers updates instead of duplicating", async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`Patient ${i} Updated`, fictionalPhone(i)]);
    const { status, body } = await upload(clinic, csv(["name", "phone"], rows));
    expect(status).toBe(200);
    expect(body).toMatchObject({ created: 0, updated: 10_000 });
    expect(await count(clinic.organization.id)).toBe(10_000);
    // A blank or missing column never erases what the contact had.
    expect(await getDb().contact.findFirstOrThrow({ where: { organizationId: clinic.organization.id, phoneNumber: fictionalPhone(42) } })).toMatchObject({
      name: "Patient 42 Updated",
      email: "p42@example.com",
      customFields: { appointment_type: "annual check-up" },
    });
  });
});

describe("CSV import: what an update changes", () => {
  it("merges custom fields, fills blanks from the file, keeps do-not-call once set", async () => {
    const clinic = await createMember("STAFF");
    const [existing] = await createContacts(clinic.organization.id, 1, () => ({
      name: "Old Name",
      phoneNumber: "+61491570156",
      email: "old@example.com",
      customFields: { a: "1", b: "2" },
    }));
    await listDoNotCall(clinic.organization.id, [existing!.phoneNumber], { reason: "Asked on a call" });

    const { body } = await upload(clinic, csv(["name", "phone", "email", "do_not_call", "b", "c"], [["New Name", "0491 570 156", "", "no", "20", "30"]]));
    expect(body).toMatchObject({ created: 0, updated: 1 });
    expect(await getContact(clinic.organization.id, existing!.id)).toMatchObject({
      name: "New Name",
      email: "old@example.com",
      doNotCall: true,
      doNotCallReason: "Asked on a call",
      customFields: { a: "1", b: "20", c: "30" },
    });

    await upload(clinic, csv(["name", "phone", "do_not_call", "do_not_call_reason"], [["Fresh", "0491 570 157", "yes", "Opted out by letter"]]));
    const fresh = await getDb().contact.findFirstOrThrow({ where: { organizationId: clinic.organization.id, phoneNumber: "+61491570157" } });
    expect(await getContact(clinic.organization.id, fresh.id)).toMatchObject({ doNotCall: true, doNotCallReason: "Opted out by letter" });
    expect(await getDb().doNotCallEntry.findFirstOrThrow({ where: { organizationId: clinic.organization.id, phoneNumber: "+61491570157" } })).toMatchObject({
      source: "IMPORT",
      addedByUserId: clinic.user.id,
    });
  });

  it("leaves a contact the row would not change as it is, and counts it with the updates", async () => {
    const clinic = await createMember("STAFF");
    const file = (secondName: string) =>
      csv(
        ["name", "phone", "email", "consent basis", "consent date", "appointment type"],
        [
          ["Ada Same", "0491 570 156", "ada@example.com", "care reminders", "2026-01-05", "check-up"],
          [secondName, "0491 570 157", "", "", "", "flu"],
        ],
      );
    expect((await upload(clinic, file("Bo Before"))).body).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const before = await getDb().contact.findMany({ where: { organizationId: clinic.organization.id }, orderBy: { phoneNumber: "asc" } });

    const { body } = await upload(clinic, file("Bo After"));
    expect(body).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
    const after = await getDb().contact.findMany({ where: { organizationId: clinic.organization.id }, orderBy: { phoneNumber: "asc" } });
    // The unchanged row was not rewritten (same updatedAt); the changed one was, and holds the new name.
    expect(after[0]).toEqual(before[0]);
    expect(after[1]).toMatchObject({ name: "Bo After", customFields: { appointment_type: "flu" } });
    expect(after[1]!.updatedAt.getTime()).toBeGreaterThan(before[1]!.updatedAt.getTime());
  });

  it("updates by number only within the caller's organization", async () => {
    const [a, b] = [await createMember("STAFF"), await createMember("STAFF")];
    await createContacts(b.organization.id, 1, () => ({ name: "B's patient", phoneNumber: "+61491570156" }));
    const { body } = await upload(a, csv(["name", "phone"], [["A's patient", "0491 570 156"]]));
    expect(body).toMatchObject({ created: 1, updated: 0 });
    expect(await getDb().contact.findFirstOrThrow({ where: { organizationId: b.organization.id } })).toMatchObject({ name: "B's patient" });
  });
});

describe("CSV import: bad rows", () => {
  const mixed = csv(
    ["name", "phone", "email"],
    [
      ["Jane", "0491 570 156", "jane@example.com"],
      ["No Phone", "", ""],
      ["Sam", "0491 570 110", "sam@"],
      ["Jane Twin", "+61 491 570 156", ""],
      ["Kim", "0491 570 111", ""],
    ],
  );

  it("a dry run checks every row, lists problems by row number and writes nothing", async () => {
    const clinic = await createMember("STAFF");
    await createContacts(clinic.organization.id, 1, () => ({ phoneNumber: "+61491570111" }));
    const { status, body } = await upload(clinic, mixed, { dryRun: "1" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ dryRun: true, rows: 5, validRows: 2, invalidRows: 3, created: 1, updated: 1, skipped: 3 });
    expect(body.errors).toEqual([
      { row: 3, column: "phone", message: "The phone number is empty." },
      { row: 4, column: "email", message: expect.stringMatching(/"sam@": Enter a valid email/) },
      { row: 5, column: "phone", message: expect.stringMatching(/Same phone number as row 2/) },
    ]);
    expect(await count(clinic.organization.id)).toBe(1);
  });

  it("by default imports nothing while any row has a problem (400 with the report)", async () => {
    const clinic = await createMember("STAFF");
    const { status, body } = await upload(clinic, mixed);
    expect(status).toBe(400);
    expect(body.detail).toBe("3 rows have problems, so nothing was imported. Fix the file, or import only the valid rows.");
    expect(body.report).toMatchObject({ invalidRows: 3, errors: expect.arrayContaining([expect.objectContaining({ row: 3 })]) });
    expect(await count(clinic.organization.id)).toBe(0);
  });

  it("with mode=valid_only imports the valid rows and reports the rest as skipped", async () => {
    const clinic = await createMember("STAFF");
    const { status, body } = await upload(clinic, mixed, { mode: "valid_only" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ created: 2, updated: 0, skipped: 3 });
    expect((await getDb().contact.findMany({ where: { organizationId: clinic.organization.id }, orderBy: { name: "asc" } })).map((c) => c.name)).toEqual([
      "Jane",
      "Kim",
    ]);
  });

  it("a row with 10,000 columns is a row error, not a crash", async () => {
    const clinic = await createMember("STAFF");
    const wide = Array.from({ length: 10_000 }, (_, i) => `x${i}`).join(",");
    const text = `name,phone\nJane,0491 570 156\n${wide}\n`;
    const strict = await upload(clinic, text);
    expect(strict.status).toBe(400);
    expect(await count(clinic.organization.id)).toBe(0);
    const lenient = await upload(clinic, text, { mode: "valid_only" });
    expect(lenient.body).toMatchObject({
      created: 1,
      skipped: 1,
      errors: [{ row: 3, message: expect.stringMatching(/10,000 values but the header has 2 columns/) }],
    });
  });
});

describe("CSV import: files that cannot be imported", () => {
  let clinic: Member;
  beforeAll(async () => {
    clinic = await createMember("STAFF");
  });

  it("refuses 50 MB by its declared size, before reading it (413)", async () => {
    signInAs(clinic.user);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(0x61));
      },
    });
    const res = await importRoute(importRequest({ raw: endless, contentType: "text/csv", contentLength: 50 * 1024 * 1024 }), withParams({}));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/larger than 10 MB/);
    expect(pulled).toBeLessThanOrEqual(2);
  });

  it("stops reading a body without a declared size as soon as it passes the limit (413)", async () => {
    signInAs(clinic.user);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024 * 1024;
        if (sent > 60 * 1024 * 1024) controller.close();
        else controller.enqueue(new Uint8Array(1024 * 1024).fill(0x61));
      },
    });
    const res = await importRoute(importRequest({ raw: endless, contentType: "text/csv" }), withParams({}));
    expect(res.status).toBe(413);
    expect(sent).toBeLessThanOrEqual(IMPORT_MAX_BYTES + 2 * 1024 * 1024);
  });

  it("refuses a multipart file over the limit (413)", async () => {
    const big = new Uint8Array(IMPORT_MAX_BYTES + 1).fill(0x61);
    expect((await upload(clinic, big)).status).toBe(413);
  });

  it.each([
    ["binary garbage", new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256)), /not a CSV text file/],
    ["no phone column", "name,email\nJane,jane@example.com\n", /No column is set to Phone.*The file's columns are: "name", "email"/],
    ["a delimiter we do not read", "name#phone\nJane#0491 570 156\n", /single column \("name#phone"\)/],
    ["a header and nothing else", "name,phone\n", /header row but no contacts/],
    ["a quote that never closes", 'name,phone\n"Jane,0491 570 156\n', /opens a quoted value/],
    // The file that froze the server: a 60,000-letter header over 2,000 rows.
    [
      "a 60,000-letter header",
      `name,phone,${"Q".repeat(60_000)}\n${"Jane,0491 570 156,x\n".repeat(2_000)}`,
      /header of column C \(row 1\) is 60,000 characters long/,
    ],
  ])("refuses %s with a clear 400 and writes nothing", async (_label, file, message) => {
    const { status, body } = await upload(clinic, file as string | Uint8Array);
    expect(status).toBe(400);
    expect(body.detail).toMatch(message);
    expect(await count(clinic.organization.id)).toBe(0);
  });

  it("reads a browser's multipart upload (its boundary has capitals)", async () => {
    signInAs(clinic.user);
    const boundary = "----WebKitFormBoundaryQ4rTzAbCdEf9XyZ";
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="patients.csv"',
      "Content-Type: text/csv",
      "",
      "name,phone\r\nJane,0491 570 199\r\n",
      `--${boundary}`,
      'Content-Disposition: form-data; name="dryRun"',
      "",
      "1",
      `--${boundary}--`,
      "",
    ].join("\r\n");
    const res = await importRoute(importRequest({ raw: body, contentType: `multipart/form-data; boundary=${boundary}` }), withParams({}));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ dryRun: true, rows: 1, created: 1 });
  });

  it("takes a text/csv body with options in the query string", async () => {
    signInAs(clinic.user);
    const res = await importRoute(
      importRequest(
        { raw: "Patient;Tel\nJane;0491 570 156\n", contentType: "text/csv; charset=utf-8" },
        { mapping: JSON.stringify({ Patient: "name", Tel: "phone" }) },
      ),
      withParams({}),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 1, delimiter: ";" });
  });

  it("refuses other content types (415), a form without a file and an unknown mode (400)", async () => {
    signInAs(clinic.user);
    expect((await importRoute(importRequest({ raw: "{}", contentType: "application/json" }), withParams({}))).status).toBe(415);
    expect((await importRoute(importRequest({ multipart: { file: null } }), withParams({}))).status).toBe(400);
    expect((await upload(clinic, "name,phone\nJane,0491 570 156\n", { mode: "sometimes" })).status).toBe(400);
  });
});

describe("CSV import: what a cell holds is what is stored", () => {
  it("keeps quotes, backslashes, commas, braces, line breaks and the word NULL exactly", async () => {
    const clinic = await createMember("STAFF");
    const names = ['Mary "Mae" O\'Brien', "Back\\slash {Jr}", "NULL", "Line\nBreak, Esq."];
    const rows = names.map((name, i) => [
      name,
      fictionalPhone(i),
      i === 0 ? 'said "call after 3" \\ thanks' : "",
      i === 1 ? "yes" : "",
      i === 1 ? 'asked "never"' : "",
    ]);
    const { status, body } = await upload(clinic, csv(["name", "phone", "note", "do not call", "do not call reason"], rows));
    expect(status).toBe(200);
    expect(body).toMatchObject({ created: names.length });
    const stored = await getDb().contact.findMany({ where: { organizationId: clinic.organization.id }, orderBy: { phoneNumber: "asc" } });
    expect(stored.map((contact) => contact.name)).toEqual(names);
    expect(stored[0]!.customFields).toEqual({ note: 'said "call after 3" \\ thanks' });
    expect(await getDb().doNotCallEntry.findMany({ where: { organizationId: clinic.organization.id } })).toEqual([
      expect.objectContaining({ phoneNumber: fictionalPhone(1), reason: 'asked "never"', source: "IMPORT" }),
    ]);
  });
});

describe("CSV import: problems past the first chunk (rows are written while later ones are checked)", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [`Chunk Patient ${i}`, fictionalPhone(i)]);

  it("all_or_nothing: a problem on row 2,501 rolls back the chunks already written", async () => {
    const clinic = await createMember("STAFF");
    const data = rows(3_000);
    data[2_499] = ["Chunk Patient bad", "not a phone"];
    const { status, body } = await upload(clinic, csv(["name", "phone"], data));
    expect(status).toBe(400);
    expect(body.report).toMatchObject({ rows: 3_000, validRows: 2_999, invalidRows: 1, created: 0, updated: 0, skipped: 3_000 });
    expect(body.report!.errors).toEqual([{ row: 2_501, column: "phone", message: expect.stringContaining("not a phone") }]);
    expect(await count(clinic.organization.id)).toBe(0);
  });

  it("valid_only: a number repeated two chunks later is an error on the later row, the rest are written", async () => {
    const clinic = await createMember("STAFF");
    const data = rows(2_500);
    data[2_200] = ["Chunk Patient repeat", fictionalPhone(4)];
    const { status, body } = await upload(clinic, csv(["name", "phone"], data), { mode: "valid_only" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ rows: 2_500, validRows: 2_499, invalidRows: 1, created: 2_499, updated: 0, skipped: 1 });
    expect(body.errors).toEqual([{ row: 2_202, column: "phone", message: expect.stringContaining("Same phone number as row 6") }]);
    expect(await count(clinic.organization.id)).toBe(2_499);
    expect(await getDb().contact.count({ where: { organizationId: clinic.organization.id, name: "Chunk Patient repeat" } })).toBe(0);
  });
});
