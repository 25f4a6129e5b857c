import { describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/contacts/import/route";
import { getDb } from "@/lib/db";
import type { ImportReport } from "@/lib/contacts/import/import-contacts";
import { IMPORT_MAX_LISTED_RENAMES } from "@/lib/contacts/import/limits";
import { createMember } from "../../factories";
import { createContacts, csv, fictionalPhone } from "../../factories/contacts";
import { signInAs } from "../helpers/session";
import { importRequest, withParams } from "./helpers";

type Member = Awaited<ReturnType<typeof createMember>>;

async function upload(as: Member, text: string, fields: Record<string, string> = {}) {
  signInAs(as.user);
  const res = await importRoute(importRequest({ multipart: { file: text, fields } }), withParams({}));
  return { status: res.status, body: (await res.json()) as ImportReport };
}

describe("CSV import dry run: existing contacts a row would rename", () => {
  it("lists a renamed contact with its row and number, not an unchanged one, a new one, a bad row or another clinic's", async () => {
    const clinic = await createMember("STAFF");
    const seeded = await createContacts(clinic.organization.id, 3, (i) => ({ name: ["Jane Citizen", "Sam Nguyen", "Kim Lee"][i] }));
    const [jane, sam, kim] = ["Jane Citizen", "Sam Nguyen", "Kim Lee"].map((name) => seeded.find((c) => c.name === name));
    // Another clinic has the new number under another name: nothing to do with this import.
    const neighbour = await createMember("STAFF");
    await createContacts(neighbour.organization.id, 1, () => ({ name: "Someone Else", phoneNumber: fictionalPhone(9) }));
    const file = csv(
      ["name", "phone", "email"],
      [
        ["Sam Nguyen", sam!.phoneNumber, "sam@example.com"], // row 2: same name, a new email: an update, not a rename
        ["Jane Smith", jane!.phoneNumber.replace("+61", "0"), ""], // row 3: renames Jane, the number typed as staff type it
        ["New Patient", fictionalPhone(9), ""], // row 4: created
        ["Kim Park", kim!.phoneNumber, "kim@"], // row 5: would rename Kim, but the row is refused
      ],
    );

    const { status, body } = await upload(clinic, file, { dryRun: "1" });

    expect(status).toBe(200);
    expect(body).toMatchObject({ dryRun: true, validRows: 3, invalidRows: 1, created: 1, updated: 2, renameCount: 1 });
    expect(body.renames).toEqual([
      { row: 3, contactId: jane!.id, phoneNumber: jane!.phoneNumber, phoneDisplay: "(02) 5550 0000", from: "Jane Citizen", to: "Jane Smith" },
    ]);
    // A dry run writes nothing.
    expect(await getDb().contact.findUniqueOrThrow({ where: { id: jane!.id } })).toMatchObject({ name: "Jane Citizen" });
  });

  it("lists the first IMPORT_MAX_LISTED_RENAMES by row and counts them all; the real import renames without the list", async () => {
    const clinic = await createMember("STAFF");
    const existing = await createContacts(clinic.organization.id, IMPORT_MAX_LISTED_RENAMES + 5);
    // The file in the reverse order of the contacts: the list follows the file. Row 3 keeps its name; row 4 is new.
    const unchanged = existing.at(-2)!;
    const rows = [...existing].reverse().map((c) => (c === unchanged ? [c.name, c.phoneNumber] : [`${c.name} Renamed`, c.phoneNumber]));
    rows.splice(2, 0, ["New Patient", fictionalPhone(100)]);
    const file = csv(["name", "phone"], rows);

    const { body } = await upload(clinic, file, { dryRun: "1" });

    expect(body).toMatchObject({ created: 1, updated: existing.length, renameCount: existing.length - 1 });
    expect(body.renames!.map((r) => r.row)).toEqual([2, ...Array.from({ length: IMPORT_MAX_LISTED_RENAMES - 1 }, (_, i) => i + 5)]);
    expect(body.renames![0]).toMatchObject({ contactId: existing.at(-1)!.id, from: existing.at(-1)!.name, to: `${existing.at(-1)!.name} Renamed` });

    // A real import answers the counts only (see ImportReport.renames), and renames.
    const real = await upload(clinic, file);
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ dryRun: false, created: 1, updated: existing.length, unchanged: 1 });
    expect(real.body).not.toHaveProperty("renames");
    expect(await getDb().contact.findUniqueOrThrow({ where: { id: existing[0]!.id } })).toMatchObject({ name: `${existing[0]!.name} Renamed` });
  });
});
