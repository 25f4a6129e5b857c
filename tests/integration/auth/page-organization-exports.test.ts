import { describe, expect, it } from "vitest";
import { GET as exportContactsRoute } from "@/app/api/contacts/export/route";
import { GET as exportCallsRoute } from "@/app/api/calls/export/route";
import { getDb } from "@/lib/db";
import { ORGANIZATION_HEADER, ORGANIZATION_PARAM } from "@/lib/http/organization-header";
import { pageDownloadHref } from "@/lib/http/page-download-href";
import { readProblem } from "@/components/forms/problem";
import { exportRefusal } from "@/components/downloads/export-refusal";
import { createContact, createMember, createOrganization, createUser } from "../../factories";
import { createCalls } from "../../factories/calls";
import { addMember } from "../../factories/settings";
import { callRoute, signInAs } from "../helpers/session";

/**
 * The CSV exports are plain `<a download>` links, which cannot send x-callboard-organization: the page names its
 * clinic in the address instead (?organization=). A user in clinics A and B whose tab shows A, while B was chosen
 * since in another tab, downloads A's rows, or a 409 once they have left A — never B's.
 */
async function twoTabs() {
  const user = await createUser();
  const { organization: a } = await createMember("OWNER");
  const { organization: b } = await createMember("OWNER");
  await addMember(a.id, "STAFF", user);
  await addMember(b.id, "OWNER", user);
  await getDb().user.update({ where: { id: user.id }, data: { activeOrganizationId: b.id } });
  await createContact(a.id, { name: "Alpha Patient" });
  await createContact(b.id, { name: "Bravo Patient" });
  await createCalls(a.id, 1, () => ({ summary: "Alpha call" }));
  await createCalls(b.id, 1, () => ({ summary: "Bravo call" }));
  signInAs(user);
  return { user, a, b };
}

const EXPORTS = [
  { name: "contacts", route: exportContactsRoute, path: "/api/contacts/export?sort=name", mine: "Alpha Patient", theirs: "Bravo Patient" },
  { name: "calls", route: exportCallsRoute, path: "/api/calls/export?outcome=resolved", mine: "Alpha call", theirs: "Bravo call" },
] as const;

type Export = (typeof EXPORTS)[number];

const download = (exp: Export, href: string, headers?: Record<string, string>) => callRoute(exp.route, { url: `http://localhost${href}`, headers });
const exportsIn = async (organizationId: string) =>
  (await getDb().auditEvent.findMany({ where: { organizationId, action: { in: ["CONTACTS_EXPORTED", "CALLS_EXPORTED"] } } })).length;

describe.each(EXPORTS)("the $name export names the page's clinic in the address", (exp) => {
  it("downloads the clinic the page shows while another one is active", async () => {
    const { user, a, b } = await twoTabs();

    const res = await download(exp, pageDownloadHref(exp.path, a.id));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`${exp.name}-${a.slug}-`);
    const csv = await res.text();
    expect(csv).toContain(exp.mine);
    expect(csv).not.toContain(exp.theirs);
    // The export is audited in A, by this user, and B is still the active clinic.
    expect([await exportsIn(a.id), await exportsIn(b.id)]).toEqual([1, 0]);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).activeOrganizationId).toBe(b.id);
  });

  it("a download another site started is refused (403) and nothing is exported; one from our pages or typed goes through", async () => {
    const { a } = await twoTabs();
    for (const site of ["cross-site", "same-site"]) {
      const res = await download(exp, pageDownloadHref(exp.path, a.id), { "sec-fetch-site": site });
      expect(res.status, site).toBe(403);
      expect(await res.text()).not.toContain(exp.mine);
    }
    expect(await exportsIn(a.id)).toBe(0);
    for (const site of ["same-origin", "none"])
      expect((await download(exp, pageDownloadHref(exp.path, a.id), { "sec-fetch-site": site })).status, site).toBe(200);
  });

  it("without it, exports the active clinic, as before (curl, an old link)", async () => {
    await twoTabs();
    const csv = await (await download(exp, exp.path)).text();
    expect(csv).toContain(exp.theirs);
    expect(csv).not.toContain(exp.mine);
  });

  it("answers 409 stale_organization once the user has left that clinic, like one that does not exist, and exports nothing", async () => {
    const { user, a, b } = await twoTabs();
    await getDb().membership.delete({ where: { userId_organizationId: { userId: user.id, organizationId: a.id } } });
    const stranger = await createOrganization();

    const left = await download(exp, pageDownloadHref(exp.path, a.id));
    const foreign = await download(exp, pageDownloadHref(exp.path, stranger.id));
    const missing = await download(exp, pageDownloadHref(exp.path, "cmissing0000000000000000"));
    expect([left.status, foreign.status, missing.status]).toEqual([409, 409, 409]);
    expect(left.headers.get("content-type")).toContain("application/problem+json");
    type Problem = { code: string; detail: string };
    const [leftBody, foreignBody, missingBody] = (await Promise.all([left.json(), foreign.json(), missing.json()])) as [Problem, Problem, Problem];
    expect(leftBody).toMatchObject({ code: "stale_organization" });
    expect(leftBody.detail).toMatch(/Reload the page/);
    expect(foreignBody.detail).toBe(leftBody.detail);
    expect(missingBody.detail).toBe(leftBody.detail);
    // Not "the active clinic instead".
    expect(JSON.stringify(leftBody)).not.toContain(exp.theirs);
    expect([await exportsIn(a.id), await exportsIn(b.id), await exportsIn(stranger.id)]).toEqual([0, 0, 0]);
  });

  it("the Export CSV link shows that 409 as a toast with the server's words and a reload, not a failed download", async () => {
    const { user, a } = await twoTabs();
    await getDb().membership.delete({ where: { userId_organizationId: { userId: user.id, organizationId: a.id } } });

    const refusal = exportRefusal(exp.name, await readProblem(await download(exp, pageDownloadHref(exp.path, a.id))));
    expect(refusal).toEqual({
      title: `${exp.name} not exported`,
      description: "This page is out of date: you are no longer a member of the clinic it shows, so nothing was done. Reload the page.",
      reload: true,
    });
  });

  it("answers 400 for a malformed or repeated value, and for a header that names another clinic", async () => {
    const { a, b } = await twoTabs();
    const [path, query] = exp.path.split("?");
    for (const value of ["", "not an id", `${a.id},${b.id}`, "x".repeat(65), "../../b"]) {
      const res = await download(exp, `${path}?${query}&${new URLSearchParams({ [ORGANIZATION_PARAM]: value })}`);
      expect(res.status, JSON.stringify(value)).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toContain(ORGANIZATION_PARAM);
    }
    const twice = await download(exp, `${path}?${query}&${ORGANIZATION_PARAM}=${a.id}&${ORGANIZATION_PARAM}=${b.id}`);
    expect(twice.status).toBe(400);

    const disagreeing = await download(exp, pageDownloadHref(exp.path, a.id), { [ORGANIZATION_HEADER]: b.id });
    expect(disagreeing.status).toBe(400);
    expect(((await disagreeing.json()) as { detail: string }).detail).toMatch(/different organizations/);
    // The same clinic in both is one request naming it twice.
    const agreeing = await download(exp, pageDownloadHref(exp.path, a.id), { [ORGANIZATION_HEADER]: a.id });
    expect(agreeing.status).toBe(200);
    expect(await agreeing.text()).toContain(exp.mine);
    expect(await exportsIn(b.id)).toBe(0);
  });
});
