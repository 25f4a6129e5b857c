import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";
import { signInAs } from "../helpers/session";
import { invokeRoute, listApiRoutes, type ApiRoute, type RouteRequest } from "./api-routes";
import { FUZZ_SPECS, type FuzzSpec } from "./fuzz-specs";
import {
  HOSTILE_BODIES,
  HOSTILE_IDS,
  HOSTILE_QUERY_VALUES,
  HOSTILE_TEXTS,
  mutateEveryField,
  mutateOneField,
  pick,
  seededRandom,
  type Random,
} from "./fuzz-values";
import { createTwoClinics, type TwoClinics } from "./two-clinics";

// FUZZ_SEED=<n> replays a run; a failure message names the seed and the case.
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
const BODY_MUTATIONS = 72;
const QUERY_MUTATIONS = 50;
const WEBHOOK_SECRET = "whsec_fuzz";
const SPECS_FILE = "tests/integration/security/fuzz-specs.ts";

const routes = await listApiRoutes();
/**
 * Routes that parse a JSON body or a query string, found by what their file calls: a GET that reads a
 * query, a POST/PUT/PATCH in a file that reads a body (DELETEs here read none).
 */
const jsonRoutes = routes.filter((route) => {
  const source = readFileSync(route.file, "utf8");
  if (route.method === "GET") return /\breadQuery\(/.test(source);
  return route.method !== "DELETE" && /\breadJson\(|\breadBodyText\(/.test(source);
});
const routesWithParams = routes.filter((route) => route.path.includes("["));

interface FuzzCase {
  label: string;
  request: RouteRequest;
}

/** Throttling counters are the one table a refused request writes, by design (sign-up and invitations). */
const UNCOUNTED = new Set(["RateLimitBucket", "_prisma_migrations"]);

async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`);
  const tables = rows.map((row) => row.tablename).filter((table) => !UNCOUNTED.has(table));
  const { rows: counts } = await client.query<Record<string, string>>(
    `SELECT ${tables.map((table) => `(SELECT count(*) FROM "${table}") AS "${table}"`).join(", ")}`,
  );
  return Object.fromEntries(Object.entries(counts[0]!).map(([table, count]) => [table, Number(count)]));
}

/** A short, printable form of a request for a failure message. */
function describeRequest(request: RouteRequest): string {
  const text = JSON.stringify({ params: request.params, query: request.query, body: request.rawBody ?? request.body });
  return (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text).replace(
    /[\u0000-\u001f\ud800-\udfff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function bodyCases(route: ApiRoute, spec: FuzzSpec, clinics: TwoClinics, random: Random): FuzzCase[] {
  const valid = spec.body!(clinics);
  const base = { method: route.method, path: route.path, params: spec.params?.(clinics), headers: spec.headers?.(clinics) };
  const json = (label: string, body: unknown): FuzzCase => ({ label, request: { ...base, body: JSON.stringify(body) ?? "null" } });
  const cases: FuzzCase[] = [
    ...HOSTILE_BODIES.map((make, i) => json(`hostile body #${i}`, make())),
    ...HOSTILE_TEXTS.map((text, i) => ({
      label: `hostile text #${i}`,
      request: { ...base, rawBody: text, headers: { ...base.headers, "content-type": "application/json" } },
    })),
    json("a NUL in an extra key", { ...valid, "k\u0000": 1 }),
    json("a lone surrogate in an extra key", { ...valid, "\ud800": "x" }),
    json("the body as an array", [valid]),
  ];
  for (let i = 0; i < BODY_MUTATIONS; i++) {
    const { body, field } = mutateOneField(valid, random, spec.pastDates);
    cases.push(json(`mutation #${i} of ${field}`, body));
  }
  for (let i = 0; i < BODY_MUTATIONS / 6; i++) cases.push(json(`every field mutated #${i}`, mutateEveryField(valid, random)));
  if (!spec.signed) return cases;
  // Signed as ElevenLabs would, so the body reaches the parser; a webhook body is raw text.
  return cases.map(({ label, request }) => {
    const text = request.rawBody ?? (request.body as string);
    const signature = signElevenLabsPayload(text, WEBHOOK_SECRET, Math.floor(Date.now() / 1000));
    return {
      label,
      request: { ...request, body: undefined, rawBody: text, headers: { "content-type": "application/json", "elevenlabs-signature": signature } },
    };
  });
}

function queryCases(route: ApiRoute, spec: FuzzSpec, clinics: TwoClinics, random: Random): FuzzCase[] {
  const valid = spec.query!(clinics);
  const keys = Object.keys(valid);
  const base = { method: route.method, path: route.path, params: spec.params?.(clinics), headers: spec.headers?.(clinics) };
  const cases: FuzzCase[] = [];
  for (let i = 0; i < QUERY_MUTATIONS; i++) {
    const key = pick(random, keys);
    const every = random() < 0.2;
    const query = every
      ? Object.fromEntries(keys.map((k) => [k, pick(random, HOSTILE_QUERY_VALUES)]))
      : { ...valid, [key]: pick(random, HOSTILE_QUERY_VALUES) };
    cases.push({ label: every ? `every parameter mutated #${i}` : `mutation #${i} of ${key}`, request: { ...base, query } });
  }
  return cases;
}

describe(`fuzzing every JSON route (${jsonRoutes.length} handlers) with invalid bodies and queries, seed ${SEED}`, () => {
  let clinics: TwoClinics;
  let client: pg.Client;
  const tally = { requests: 0, fiveHundreds: 0, routes: 0 };
  const saved = process.env.ELEVENLABS_WEBHOOK_SECRET;

  beforeAll(async () => {
    process.env.ELEVENLABS_WEBHOOK_SECRET = WEBHOOK_SECRET;
    clinics = await createTwoClinics();
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  });
  afterAll(async () => {
    await settledAfterResponse();
    await client.end();
    if (saved === undefined) delete process.env.ELEVENLABS_WEBHOOK_SECRET;
    else process.env.ELEVENLABS_WEBHOOK_SECRET = saved;
    console.log(`[fuzz] seed ${SEED}: ${tally.requests} requests over ${tally.routes} route handlers, ${tally.fiveHundreds} × 5xx.`);
  });

  /** Runs the cases as `spec.as`; each answer is a 4xx problem+json (or, for reads, a 2xx); the row counts are unchanged. */
  async function run(routeKey: string, route: ApiRoute, spec: FuzzSpec, cases: FuzzCase[]) {
    const before = await countRows(client);
    let served = 0;
    for (const { label, request } of cases) {
      signInAs(spec.as === "nobody" ? null : clinics.mine.owner);
      const res = await invokeRoute(route.handler, request);
      const text = await res.text();
      tally.requests++;
      if (res.status >= 500) tally.fiveHundreds++;
      const where = `${routeKey} — ${label} (FUZZ_SEED=${SEED}) ${describeRequest(request)} → ${res.status} ${text.slice(0, 200)}`;
      expect(res.status, where).toBeLessThan(500);
      const documented = route.method === "GET" || res.status === spec.documented2xx?.status;
      if (res.status < 400) expect(documented, `${where}: a 2xx for invalid input`).toBe(true);
      if (res.status < 400) served++;
      else expect(res.headers.get("content-type"), where).toContain("application/problem+json");
    }
    await settledAfterResponse();
    // An audited read (an export) writes its audit row for every answer it serves, and nothing else.
    const expected = spec.auditedRead ? { ...before, AuditEvent: (before.AuditEvent ?? 0) + served } : before;
    expect(await countRows(client), `${routeKey}: rows written by refused requests (FUZZ_SEED=${SEED})`).toEqual(expected);
    tally.routes++;
  }

  for (const route of jsonRoutes) {
    it(route.key, async () => {
      const spec = FUZZ_SPECS[route.key];
      if (!spec) expect.fail(`"${route.key}" reads JSON or a query but has no entry in ${SPECS_FILE}: add a valid body or query for the fuzzer to break.`);
      // One stream per route, so adding a route does not change the cases of the others.
      const random = seededRandom(SEED ^ [...route.key].reduce((hash, ch) => Math.imul(hash, 31) + ch.charCodeAt(0), 7));
      const cases = [...(spec.body ? bodyCases(route, spec, clinics, random) : []), ...(spec.query ? queryCases(route, spec, clinics, random) : [])];
      expect(cases.length, `${route.key}: the spec gives neither a body nor a query`).toBeGreaterThan(0);
      await run(route.key, route, spec, cases);
    });
  }

  it(`path ids: every route with a [param] (${routesWithParams.length} handlers) refuses hostile ids`, async () => {
    for (const route of routesWithParams) {
      const spec: FuzzSpec = FUZZ_SPECS[route.key] ?? {};
      const names = [...route.path.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((match) => match[1]!);
      if (names.includes("nextauth")) continue; // next-auth's handler needs Next's request scope (see tenant-cases.ts)
      const valid = spec.body?.(clinics);
      const cases = HOSTILE_IDS.map((id, i) => ({
        label: `hostile id #${i}`,
        request: {
          method: route.method,
          path: route.path,
          params: Object.fromEntries(names.map((name) => [name, id])),
          headers: spec.headers?.(clinics),
          body: valid,
        },
      }));
      await run(route.key, route, { ...spec, documented2xx: undefined }, cases);
    }
  });

  it("has no spec for a route that no longer reads JSON", () => {
    const present = new Set(jsonRoutes.map((route) => route.key));
    expect(
      Object.keys(FUZZ_SPECS).filter((key) => !present.has(key)),
      `remove these from ${SPECS_FILE}`,
    ).toEqual([]);
  });
});
