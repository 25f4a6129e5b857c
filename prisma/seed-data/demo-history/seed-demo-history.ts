/**
 * Two weeks of the demo clinics' life, written once on the first start (prisma/seed.ts): batches finished
 * and running, calls placed by staff, patients ringing in, every outcome with its transcript, appointments
 * and call-backs the agent booked, calls that need attention. Made through the product's own paths, as of
 * past instants (virtual-clock.ts), against an ElevenLabs simulator of its own; deterministic for a seed and
 * an end instant. Demo and development only: production code never imports this folder or the simulator.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { readOpeningHours } from "@/lib/appointments/opening-hours";
import { configureDemoAgentTools } from "@/scripts/dev/demo-agent-tools";
import { createSimulator } from "@/simulator/create-simulator";
import { mulberry32 } from "@/simulator/prng";
import { serveAppRoutes } from "./app-routes-server";
import { planHistory, type Answer } from "./plan-history";
import { playHistory, type ClinicEvent } from "./play-history";
import { installVirtualClock } from "./virtual-clock";

/** The marker (SeedRun.name): claimed before anything is written, so the history is never made twice. */
export const DEMO_HISTORY_RUN = "demo-history";
export const DEMO_HISTORY_SEED = 20261204;
export const DEMO_HISTORY_DAYS = 14;

const DEMO_CLINICS = [
  { slug: "sunrise-family-clinic", unknownPrefix: "+61255509", scale: 1 },
  { slug: "harbour-physiotherapy", unknownPrefix: "+61370109", scale: 0.5 },
] as const;

export interface DemoHistoryOptions {
  databaseUrl: string;
  /** Where the simulated agents' tool tokens are kept (the file `npm run dev` reads them from later). */
  tokenFile: string;
  /** The end of the history (default: now). */
  until?: Date;
  seed?: number;
  log?: (line: string) => void;
}

export type DemoHistoryResult = { made: false; reason: string } | { made: true; ms: number; summary: HistorySummary };

export interface HistorySummary {
  calls: number;
  inbound: number;
  appointments: number;
  pending: number;
  failed: number;
  feed: number;
}

async function loadClinics(db: Db) {
  const clinics = [];
  for (const demo of DEMO_CLINICS) {
    const org = await db.organization.findUnique({
      where: { slug: demo.slug },
      select: {
        id: true,
        timezone: true,
        callingDays: true,
        callingWindowStart: true,
        callingWindowEnd: true,
        openingHours: true,
        elevenLabsAgentId: true,
        memberships: { select: { userId: true, role: true }, orderBy: { createdAt: "asc" } },
      },
    });
    if (!org?.elevenLabsAgentId) continue;
    const admin = org.memberships.find((m) => m.role !== "STAFF") ?? org.memberships[0];
    const staff = org.memberships.find((m) => m.role === "STAFF") ?? admin;
    if (!admin || !staff) continue;
    const listed = new Set(
      (await db.doNotCallEntry.findMany({ where: { organizationId: org.id }, select: { phoneNumber: true } })).map((entry) => entry.phoneNumber),
    );
    const contacts = (
      await db.contact.findMany({ where: { organizationId: org.id }, select: { id: true, phoneNumber: true }, orderBy: { phoneNumber: "asc" } })
    ).filter((contact) => !listed.has(contact.phoneNumber));
    clinics.push({
      demo,
      org,
      played: { organizationId: org.id, agentId: org.elevenLabsAgentId, adminUserId: admin.userId, staffUserId: staff.userId },
      contacts,
    });
  }
  return clinics;
}

async function summarize(db: Db, organizationIds: string[]): Promise<HistorySummary> {
  const where = { organizationId: { in: organizationIds } };
  const [calls, inbound, appointments, pending, failed, feed] = await Promise.all([
    db.call.count({ where }),
    db.call.count({ where: { ...where, direction: "INBOUND" } }),
    db.appointment.count({ where }),
    db.scheduledCall.count({ where: { ...where, status: "PENDING" } }),
    db.scheduledCall.count({ where: { ...where, status: "FAILED" } }),
    db.activityEvent.count({ where }),
  ]);
  return { calls, inbound, appointments, pending, failed, feed };
}

/** Runs once per database: a second call (a second start, `npm run db:seed` again) finds the marker and adds nothing. */
export async function seedDemoHistory(db: Db, options: DemoHistoryOptions): Promise<DemoHistoryResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const claimed = await db.seedRun.createMany({ data: [{ name: DEMO_HISTORY_RUN }], skipDuplicates: true });
  if (claimed.count === 0) return { made: false, reason: "made already (the SeedRun marker is there)" };
  const clinics = await loadClinics(db);
  if (clinics.length === 0) return { made: false, reason: "no demo clinic with an agent" };

  const until = (options.until ?? new Date()).getTime();
  const seed = options.seed ?? DEMO_HISTORY_SEED;
  const answers: Record<string, Answer[]> = {};
  const events: ClinicEvent[] = [];
  clinics.forEach((clinic, i) => {
    const plan = planHistory(
      {
        ...clinic.org,
        openingHours: readOpeningHours(clinic.org.openingHours),
        contacts: clinic.contacts,
        unknownPrefix: clinic.demo.unknownPrefix,
        scale: clinic.demo.scale,
      },
      { until, seed: seed + i, days: DEMO_HISTORY_DAYS },
    );
    Object.assign(answers, plan.answers);
    events.push(...plan.events.map((event) => ({ ...event, clinic: clinic.played })));
  });
  events.sort((a, b) => a.at - b.at);

  // The app's side (route handlers) and ElevenLabs' side (the simulator) talk over HTTP, signed with a secret
  // only this run knows; the app's ElevenLabs client in this process dials the simulator.
  const saved = { key: process.env.ELEVENLABS_API_KEY, base: process.env.ELEVENLABS_API_BASE_URL, secret: process.env.ELEVENLABS_WEBHOOK_SECRET };
  const secret = `whsec_demo_history_${randomBytes(16).toString("hex")}`;
  const routes = await serveAppRoutes();
  const simulator = await createSimulator({
    latencyMs: 0,
    // Calls end when the seed advances them, never on a timer.
    callDurationMs: 3_600_000,
    failureRate: 0,
    seed,
    webhookUrl: `${routes.url}/api/calls`,
    webhookSecret: secret,
    log: (line) => (/fail|not delivered|answered [45]/.test(line) ? log(`simulator: ${line}`) : undefined),
  });
  // Each patient's answers to their next dials (then the mix decides again).
  for (const [number, script] of Object.entries(answers)) simulator.scriptNumber(number, script);
  Object.assign(process.env, { ELEVENLABS_API_KEY: "simulator", ELEVENLABS_API_BASE_URL: simulator.url, ELEVENLABS_WEBHOOK_SECRET: secret });
  try {
    // The agents' tools (with their tokens, kept for `npm run dev`) point at the routes served here.
    await configureDemoAgentTools({ databaseUrl: options.databaseUrl, appUrl: routes.url, simulatorUrl: simulator.url, tokenFile: options.tokenFile, log });
    const clock = installVirtualClock((events[0]?.at ?? until) - 60_000, mulberry32(seed));
    try {
      await playHistory(events, { simulator, clock, until, log });
    } finally {
      clock.uninstall();
    }
  } finally {
    await simulator.close();
    await routes.close();
    for (const [name, value] of [
      ["ELEVENLABS_API_KEY", saved.key],
      ["ELEVENLABS_API_BASE_URL", saved.base],
      ["ELEVENLABS_WEBHOOK_SECRET", saved.secret],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  const summary = await summarize(
    db,
    clinics.map((clinic) => clinic.org.id),
  );
  await db.seedRun.update({
    where: { name: DEMO_HISTORY_RUN },
    data: { finishedAt: new Date(), summary: { ...summary, until: new Date(until).toISOString(), seed } },
  });
  return { made: true, ms: Math.round(performance.now() - started), summary };
}
