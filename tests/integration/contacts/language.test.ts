import { describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/contacts/route";
import { PATCH as patchRoute } from "@/app/api/contacts/[id]/route";
import { POST as importRoute } from "@/app/api/contacts/import/route";
import { GET as getLanguageRoute, PATCH as patchLanguageRoute } from "@/app/api/organizations/language/route";
import { GET as exportRoute } from "@/app/api/contacts/export/route";
import { getDb } from "@/lib/db";
import type { ImportReport } from "@/lib/contacts/import/import-contacts";
import { createMember } from "../../factories";
import { createContacts, csv } from "../../factories/contacts";
import { callRoute, signInAs } from "../helpers/session";
import { importRequest, withParams } from "./helpers";

type Member = Awaited<ReturnType<typeof createMember>>;

async function upload(as: Member, text: string, fields: Record<string, string> = {}) {
  signInAs(as.user);
  const res = await importRoute(importRequest({ multipart: { file: text, fields } }), withParams({}));
  return { status: res.status, body: (await res.json()) as ImportReport & { report?: ImportReport } };
}
const byPhone = (organizationId: string, phoneNumber: string) => getDb().contact.findFirstOrThrow({ where: { organizationId, phoneNumber } });

describe("a contact's language", () => {
  it("imports a language column (tags in any case, 'Hindi'), blank keeps the clinic's default, an unknown one is a row error", async () => {
    const clinic = await createMember("STAFF");
    const file = csv(
      ["name", "phone", "Language"],
      [
        ["Asha Verma", "0491 570 156", "hi-in"],
        ["Jane Citizen", "0491 570 110", "en-AU"],
        ["Ravi Kumar", "0491 570 111", "Hindi"],
        ["Sam Nguyen", "0491 570 112", ""],
        ["Pierre Dubois", "0491 570 113", "fr-FR"],
      ],
    );
    const strict = await upload(clinic, file);
    expect(strict.status).toBe(400); // all or nothing by default: the bad row stops the file
    expect(strict.body.report!.errors).toEqual([
      { row: 6, column: "Language", message: expect.stringMatching(/^"fr-FR" is not a language Callboard speaks\. Use one of en-AU, .*hi-IN/) },
    ]);
    expect(await getDb().contact.count({ where: { organizationId: clinic.organization.id } })).toBe(0);

    const lenient = await upload(clinic, file, { mode: "valid_only" });
    expect(lenient.status).toBe(200);
    expect(lenient.body).toMatchObject({ created: 4, skipped: 1 });
    const org = clinic.organization.id;
    expect((await byPhone(org, "+61491570156")).language).toBe("hi-IN");
    expect((await byPhone(org, "+61491570110")).language).toBe("en-AU");
    expect((await byPhone(org, "+61491570111")).language).toBe("hi-IN");
    expect((await byPhone(org, "+61491570112")).language).toBeNull();

    // A blank cell on re-import keeps the language; a new one replaces it.
    const again = await upload(
      clinic,
      csv(
        ["name", "phone", "language"],
        [
          ["Asha Verma", "0491 570 156", ""],
          ["Jane Citizen", "0491 570 110", "en-GB"],
        ],
      ),
    );
    expect(again.body).toMatchObject({ updated: 2 });
    expect((await byPhone(org, "+61491570156")).language).toBe("hi-IN");
    expect((await byPhone(org, "+61491570110")).language).toBe("en-GB");

    // The export writes it back under the header the importer reads.
    signInAs(clinic.user);
    const exported = await (await callRoute(exportRoute, { url: "http://localhost/api/contacts/export" })).text();
    const [header, ...lines] = exported
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    const column = header!.split(",").indexOf("language");
    expect(column).toBeGreaterThan(-1);
    expect(lines.find((l) => l.startsWith("Asha Verma"))!.split(",")[column]).toBe("hi-IN");
  });

  it("is set and cleared through the contact form's API, and an unknown language is a 400 on the field", async () => {
    const clinic = await createMember("STAFF");
    signInAs(clinic.user);
    const created = await callRoute(createRoute, {
      method: "POST",
      url: "http://localhost/api/contacts",
      body: { name: "Asha Verma", phoneNumber: "0491 570 156", language: "hi-IN" },
    });
    expect(created.status).toBe(201);
    const { contact } = (await created.json()) as { contact: { id: string; language: string | null } };
    expect(contact.language).toBe("hi-IN");

    const bad = await callRoute(patchRoute, {
      method: "PATCH",
      url: `http://localhost/api/contacts/${contact.id}`,
      params: { id: contact.id },
      body: { language: "xx" },
    });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { issues: { path: string; message: string }[] };
    expect(problem.issues).toEqual([expect.objectContaining({ path: "language", message: expect.stringContaining("is not a language Callboard speaks") })]);

    const cleared = await callRoute(patchRoute, {
      method: "PATCH",
      url: `http://localhost/api/contacts/${contact.id}`,
      params: { id: contact.id },
      body: { language: "" },
    });
    expect(cleared.status).toBe(200);
    expect((await getDb().contact.findUniqueOrThrow({ where: { id: contact.id } })).language).toBeNull();
  });

  it("the clinic's default: its locale until an admin chooses one, audited, staff may read but not change it", async () => {
    const owner = await createMember("OWNER"); // an en-AU clinic
    await createContacts(owner.organization.id, 1);
    signInAs(owner.user);
    expect(await (await callRoute(getLanguageRoute, { url: "http://localhost/api/organizations/language" })).json()).toEqual({
      defaultLanguage: "en-AU",
      version: 0,
    });

    const bad = await callRoute(patchLanguageRoute, { method: "PATCH", url: "http://localhost/api/organizations/language", body: { defaultLanguage: "tlh" } });
    expect(bad.status).toBe(400);
    const saved = await callRoute(patchLanguageRoute, {
      method: "PATCH",
      url: "http://localhost/api/organizations/language",
      body: { defaultLanguage: "hi-in" },
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ defaultLanguage: "hi-IN", version: 1 });
    expect(await getDb().auditEvent.findFirst({ where: { organizationId: owner.organization.id, action: "SETTINGS_UPDATED" } })).toMatchObject({
      before: { defaultLanguage: "en-AU" },
      after: { defaultLanguage: "hi-IN" },
      data: { section: "language" },
    });

    const staff = await createMember("STAFF", owner.organization.id);
    signInAs(staff.user);
    expect((await callRoute(getLanguageRoute, { url: "http://localhost/api/organizations/language" })).status).toBe(200);
    expect(
      (await callRoute(patchLanguageRoute, { method: "PATCH", url: "http://localhost/api/organizations/language", body: { defaultLanguage: "en-AU" } })).status,
    ).toBe(403);
  });
});
