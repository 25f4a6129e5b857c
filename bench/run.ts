// npm run bench — how Callboard holds up at clinic scale: contacts, scheduling, the dispatcher.
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/callboard_bench npm run bench
//   npm run bench                      (an in-memory embedded PGlite, the dev database)
//   npm run bench -- scheduling dispatch   (only these suites; default: all)
//
// Suites and their options: bench/contacts.ts, bench/scheduling.ts, bench/dispatch.ts, bench/fleet.ts,
// bench/sequence.ts, bench/appointments.ts, bench/init.ts, bench/million.ts.
// The bench migrates the database, works in organizations of its own (ids bench_…) and deletes
// them at the end; it never touches other rows. One run, no assertions: benchmarks are for
// reading, not for failing CI. Goals are printed as ratios measured in the same run.
import { IN_MEMORY, startEmbeddedPostgres } from "../scripts/db/embedded-postgres";
import { describeDatabaseUrl } from "../scripts/db/connection";
import { deployMigrations } from "../scripts/db/migrate";
import { saveReport, type BenchDatabase, type SuiteReport } from "./measure";
import type { Db } from "../lib/db";

type Suite = (db: Db, database: BenchDatabase) => Promise<SuiteReport>;

// Imported after DATABASE_URL is set: lib/db.ts reads it (and DATABASE_POOL_SIZE) on first use.
const SUITES: Record<string, () => Promise<Suite>> = {
  contacts: async () => (await import("./contacts")).benchContacts,
  scheduling: async () => (await import("./scheduling")).benchScheduling,
  dispatch: async () => (await import("./dispatch")).benchDispatch,
  fleet: async () => (await import("./fleet")).benchFleet,
  sequence: async () => (await import("./sequence")).benchSequence,
  calls: async () => (await import("./calls")).benchCalls,
  webhooks: async () => (await import("./webhooks")).benchWebhooks,
  appointments: async () => (await import("./appointments")).benchAppointments,
  init: async () => (await import("./init")).benchInit,
  million: async () => (await import("./million")).benchMillion,
};

function chosenSuites(args: string[]): string[] {
  const unknown = args.filter((name) => !(name in SUITES));
  if (unknown.length > 0) throw new Error(`Unknown suite ${unknown.join(", ")}. Choose from: ${Object.keys(SUITES).join(", ")} (default: all).`);
  return args.length > 0 ? Object.keys(SUITES).filter((name) => args.includes(name)) : Object.keys(SUITES);
}

async function main() {
  const suites = chosenSuites(process.argv.slice(2));
  const external = process.env.BENCH_DATABASE_URL;
  const embedded = external ? null : await startEmbeddedPostgres({ dataDir: IN_MEMORY, port: 0 });
  const url = external ?? embedded!.url;
  const database: BenchDatabase = { kind: external ? `PostgreSQL (${describeDatabaseUrl(url)})` : "embedded PGlite (in memory)", embedded: !external };
  process.env.DATABASE_URL = url;
  // The dispatcher benches run many transactions at once (8 claimers; 20 calls ending and refilling).
  process.env.DATABASE_POOL_SIZE ??= "30";
  console.log(`Bench on ${database.kind}: ${suites.join(", ")}. Prisma pool: ${process.env.DATABASE_POOL_SIZE} connections (DATABASE_POOL_SIZE).`);
  if (database.embedded) console.log("PGlite runs one query at a time for every connection: concurrency and throughput numbers say nothing about PostgreSQL.");

  try {
    await deployMigrations(url);
    const { getDb } = await import("../lib/db");
    const db = getDb();
    const saved: string[] = [];
    try {
      for (const name of suites) {
        console.log(`\n━━ ${name} ━━`);
        const report = await (await SUITES[name]!())(db, database);
        saved.push(await saveReport(name, database, report));
      }
    } finally {
      await db.$disconnect();
    }
    console.log(`\nSaved ${saved.join(", ")}`);
  } finally {
    await embedded?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
