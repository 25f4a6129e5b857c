import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { ORGANIZATION_HEADER, ORGANIZATION_PARAM } from "@/lib/http/organization-header";
import { signInAs } from "../helpers/session";
import { invokeRoute, listApiRoutes, type RouteHandler, type RouteRequest } from "./api-routes";
import { ROUTE_CASES, TENANT, type Probe } from "./tenant-cases";
import { closeSnapshots, createTwoClinics, leakedMarkers, rowIds, rowsReferencing, snapshotClinic, type TwoClinics } from "./two-clinics";

// Found on disk: a route added under app/api shows up here, and fails until tenant-cases.ts has its case.
const routes = await listApiRoutes();
const CASES_FILE = "tests/integration/security/tenant-cases.ts";

const saved = { CRON_SECRET: process.env.CRON_SECRET, ELEVENLABS_WEBHOOK_SECRET: process.env.ELEVENLABS_WEBHOOK_SECRET };

// Shaped like a cuid, so routes that check the id's form still look it up.
const MISSING_ID = "cmissing0000000000000000";

/** The probe's path params with each one that names a row of `foreignIds` replaced by an id nobody has; null when none does. */
function withMissingIds(probe: Probe, foreignIds: string[]): Record<string, string> | null {
  const params = Object.entries(probe.params ?? {});
  if (!params.some(([, value]) => foreignIds.includes(value))) return null;
  return Object.fromEntries(params.map(([name, value]) => [name, foreignIds.includes(value) ? MISSING_ID : value]));
}

/** "/api/contacts/[id]" with { id: "c1" } → "/api/contacts/c1" (the handler reads the params; the URL is for realism). */
function concretePath(routePath: string, params: Record<string, string> = {}): string {
  return routePath.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? name));
}

/**
 * A request naming their organization (`naming(id)`) is refused before anything is read: 409 stale_organization,
 * nothing of theirs in the answer, exactly like an organization id nobody has.
 */
async function expectRefusedAsStale(theirs: TwoClinics["theirs"], handler: RouteHandler, naming: (organizationId: string) => RouteRequest, label: string) {
  const [named, nonexistent] = [await invokeRoute(handler, naming(theirs.organizationId)), await invokeRoute(handler, naming(MISSING_ID))];
  const text = await named.text();
  expect(named.status, `${label}: answered ${named.status} ${text.slice(0, 300)}`).toBe(409);
  expect(named.headers.get("content-type"), label).toContain("application/problem+json");
  const problem = JSON.parse(text) as { code?: string; detail?: string };
  expect(problem.code, label).toBe("stale_organization");
  expect(leakedMarkers(theirs, text, theirs.organizationId), `${label}: the other clinic's data in the answer`).toEqual([]);
  expect(nonexistent.status, `${label}: an organization id nobody has`).toBe(409);
  expect(problem.detail, `${label}: the same answer as an id nobody has`).toBe(((await nonexistent.json()) as { detail?: string }).detail);
}

describe(`tenant isolation: every route under app/api (${routes.length} handlers) with another clinic's ids`, () => {
  let clinics: TwoClinics;
  const tally = { probes: 0, missingIdComparisons: 0, anonymous: 0, headerProbes: 0, queryProbes: 0, checks: 0 };

  beforeAll(async () => {
    process.env.CRON_SECRET = "cron-secret-for-tenant-isolation";
    process.env.ELEVENLABS_WEBHOOK_SECRET = "whsec_tenant_isolation";
    clinics = await createTwoClinics();
  });
  afterAll(async () => {
    await settledAfterResponse();
    await closeSnapshots();
    console.log(
      `[tenancy] ${routes.length} handlers: ${tally.probes} probes with the other clinic's ids, ${tally.missingIdComparisons} foreign-vs-missing comparisons, ${tally.anonymous} anonymous requests, ${tally.headerProbes} requests naming their clinic in ${ORGANIZATION_HEADER}, ${tally.queryProbes} in ?${ORGANIZATION_PARAM}=, ${tally.checks} direct checks.`,
    );
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("has no case for a route that no longer exists", () => {
    const present = new Set(routes.map((route) => route.key));
    expect(
      Object.keys(ROUTE_CASES).filter((key) => !present.has(key)),
      `remove these from ${CASES_FILE}`,
    ).toEqual([]);
  });

  for (const route of routes) {
    it(route.key, async () => {
      const routeCase = ROUTE_CASES[route.key];
      if (!routeCase) {
        expect.fail(`"${route.key}" has no case in ${CASES_FILE}. Add one: how the route is guarded, and probes that ask it with the other clinic's ids.`);
      }
      const { mine, theirs } = clinics;
      const before = await snapshotClinic(theirs.organizationId);
      const probes = routeCase.probes(clinics);
      expect(probes.length > 0 || routeCase.check !== undefined, `${route.key}: a case needs probes or a check`).toBe(true);

      for (const probe of probes) {
        signInAs(probe.as === "nobody" ? null : mine.owner);
        const request: RouteRequest = {
          method: route.method,
          path: concretePath(route.path, probe.params),
          params: probe.params,
          query: probe.query,
          body: probe.body,
          rawBody: probe.rawBody,
          headers: probe.headers,
        };
        const res = await invokeRoute(route.handler, request);
        const text = await res.text();
        tally.probes++;
        const label = `${route.key} — ${probe.what}`;
        expect(probe.expect, `${label}: answered ${res.status} ${text.slice(0, 300)}`).toContain(res.status);
        if (res.status >= 400) expect(res.headers.get("content-type"), label).toContain("application/problem+json");
        const sent = JSON.stringify(request) + (probe.mayShow?.(clinics) ?? []).join(" ");
        expect(leakedMarkers(theirs, text, sent), `${label}: the other clinic's data in the answer`).toEqual([]);

        // Another clinic's id and a missing one must be indistinguishable.
        const params = res.status === 404 ? withMissingIds(probe, rowIds(theirs)) : null;
        if (params) {
          tally.missingIdComparisons++;
          const missing = await invokeRoute(route.handler, { ...request, path: concretePath(route.path, params), params });
          const [foreignBody, missingBody] = [JSON.parse(text) as { detail?: string }, (await missing.json()) as { detail?: string }];
          expect(missing.status, `${label}: a missing id`).toBe(404);
          expect(foreignBody.detail, `${label}: the same answer as a missing id`).toBe(missingBody.detail);
        }
      }

      if (routeCase.guard === TENANT) {
        signInAs(null);
        tally.anonymous++;
        const anonymous = await invokeRoute(route.handler, { method: route.method, path: route.path });
        expect(anonymous.status, `${route.key} without a session`).toBe(401);
        expect(anonymous.headers.get("content-type")).toContain("application/problem+json");

        // A page claiming to show their clinic: refused before anything is read, exactly like a clinic that does not exist.
        signInAs(mine.owner);
        const inHeader = (organizationId: string): RouteRequest => ({
          method: route.method,
          path: route.path,
          headers: { [ORGANIZATION_HEADER]: organizationId },
        });
        await expectRefusedAsStale(theirs, route.handler, inHeader, `${route.key} — their organization id in ${ORGANIZATION_HEADER}`);
        tally.headerProbes++;

        // The same in the address: a download link that opts in refuses it alike; any other GET ignores it
        // (those with path params are left out: without the params their answer would prove nothing).
        const inQuery = (organizationId: string): RouteRequest => ({ method: route.method, path: route.path, query: { [ORGANIZATION_PARAM]: organizationId } });
        const queryLabel = `${route.key} — their organization id in ?${ORGANIZATION_PARAM}=`;
        if (routeCase.organizationInQuery) {
          await expectRefusedAsStale(theirs, route.handler, inQuery, queryLabel);
          tally.queryProbes++;
        } else if (route.method === "GET" && !route.path.includes("[")) {
          const ignored = await invokeRoute(route.handler, inQuery(theirs.organizationId));
          const text = await ignored.text();
          tally.queryProbes++;
          expect(ignored.status, `${queryLabel}: read by a route not marked organizationInQuery in ${CASES_FILE}`).not.toBe(409);
          expect(leakedMarkers(theirs, text, theirs.organizationId), `${queryLabel}: the other clinic's data in the answer`).toEqual([]);
        }
      }
      if (routeCase.check) {
        await routeCase.check(clinics);
        tally.checks++;
      }
      await settledAfterResponse();

      expect(await snapshotClinic(theirs.organizationId), `${route.key}: the other clinic's rows changed`).toEqual(before);
      expect(await rowsReferencing(mine.organizationId, rowIds(theirs)), `${route.key}: a row of mine names the other clinic's`).toEqual([]);
    });
  }
});
