// Contacts: how the contacts page and the CSV import hold up at 100,000 contacts per clinic.
//
// Options: BENCH_CONTACTS (default 100000), BENCH_ITERATIONS (default 40), BENCH_IMPORT_ROWS (10000).
// Times are measured in this process around the same functions the page and the routes call
// ("server time": SQL + mapping, no HTTP, no React render).
import type { Db } from "../lib/db";
import { listContacts } from "../lib/contacts/list-contacts";
import { countContacts } from "../lib/contacts/count-contacts";
import { listContactsWithTotal } from "../lib/contacts/list-contacts-with-total";
import { encodeCursor } from "../lib/contacts/contact-cursor";
import { importContacts } from "../lib/contacts/import/import-contacts";
import { importFile } from "./import-file";
import { ITERATIONS, line, measure, sizeFromEnv, timeOnce, type Result, type SuiteReport } from "./measure";
import { benchId, deleteBenchOrganizations } from "./organizations";
import { seedContactsSql } from "./seed-contacts.sql";

const CONTACTS = sizeFromEnv("BENCH_CONTACTS", 100_000);
const IMPORT_ROWS = sizeFromEnv("BENCH_IMPORT_ROWS", 10_000);

export async function benchContacts(db: Db): Promise<SuiteReport> {
  console.log(`Contacts: ${CONTACTS.toLocaleString("en")} contacts, ${ITERATIONS} runs per measure after 5 warm-up runs.\n`);
  const big = { id: benchId("big"), defaultCountry: "AU" };
  const neighbour = benchId("neighbour");
  const importer = { id: benchId("import"), defaultCountry: "AU" };
  for (const id of [big.id, neighbour, importer.id]) {
    await db.$executeRawUnsafe(
      `INSERT INTO "Organization" ("id", "name", "slug", "timezone", "defaultCountry", "updatedAt") VALUES ($1, $1, $2, 'Australia/Sydney', 'AU', now())`,
      id,
      id.replaceAll("_", "-"),
    );
  }
  const results: Result[] = [];
  const timings: Record<string, number> = {};
  const ratios: Record<string, number> = {};
  try {
    console.log("Setting up");
    timings.seed = await timeOnce(
      `seed ${CONTACTS.toLocaleString("en")} contacts (+ ${(CONTACTS / 5).toLocaleString("en")} in a neighbour clinic)`,
      async () => {
        await db.$executeRawUnsafe(seedContactsSql(big.id, CONTACTS, 0));
        await db.$executeRawUnsafe(seedContactsSql(neighbour, CONTACTS / 5, CONTACTS));
        // A call history for one contact in ten, for the "last call" column.
        await db.$executeRawUnsafe(
          `INSERT INTO "Call" ("id", "organizationId", "contactId", "toNumber", "status", "outcome", "createdAt", "updatedAt")
         SELECT 'benchcall' || c."id", c."organizationId", c."id", c."phoneNumber", 'COMPLETED', 'appointment_booked', c."createdAt", now()
           FROM "Contact" c WHERE c."organizationId" = $1 AND right(c."id", 1) = 'a'`,
          big.id,
        );
        // What autovacuum would have done by the time a clinic has 100,000 contacts.
        await db.$executeRawUnsafe(`VACUUM ANALYZE "Contact"`);
        await db.$executeRawUnsafe(`VACUUM ANALYZE "Call"`);
      },
    );

    // The cursor of a page ~90% of the way down (found once with OFFSET; the page itself never uses it).
    const deepAt = Math.floor(CONTACTS * 0.9);
    const [deepName] = await db.$queryRawUnsafe<{ name: string; id: string }[]>(
      `SELECT "name", "id" FROM "Contact" WHERE "organizationId" = $1 ORDER BY "name", "id" OFFSET ${deepAt} LIMIT 1`,
      big.id,
    );
    const [deepCreated] = await db.$queryRawUnsafe<{ createdAt: Date; id: string }[]>(
      `SELECT "createdAt", "id" FROM "Contact" WHERE "organizationId" = $1 ORDER BY "createdAt" DESC, "id" DESC OFFSET ${deepAt} LIMIT 1`,
      big.id,
    );
    const deepNameCursor = encodeCursor({ s: "name", v: deepName!.name, id: deepName!.id, d: "after" });
    const deepCreatedCursor = encodeCursor({ s: "created", v: deepCreated!.createdAt.toISOString(), id: deepCreated!.id, d: "after" });

    console.log(`\nContacts list (50 rows with each row's last call), ${CONTACTS.toLocaleString("en")} contacts`);
    results.push(await measure("first page, by name", () => listContacts(big.id, { sort: "name", limit: 50 })));
    results.push(
      await measure(`deep page (row ${deepAt.toLocaleString("en")}), by name`, () => listContacts(big.id, { sort: "name", limit: 50, cursor: deepNameCursor })),
    );
    results.push(await measure("first page, newest first", () => listContacts(big.id, { sort: "created", limit: 50 })));
    results.push(
      await measure(`deep page (row ${deepAt.toLocaleString("en")}), newest first`, () =>
        listContacts(big.id, { sort: "created", limit: 50, cursor: deepCreatedCursor }),
      ),
    );
    results.push(
      await measure("previous page from the deep page", () =>
        listContacts(big.id, { sort: "name", limit: 50, cursor: encodeCursor({ s: "name", v: deepName!.name, id: deepName!.id, d: "before" }) }),
      ),
    );
    // The baseline keyset pagination replaces: OFFSET reads and throws away every row before the page.
    results.push(
      await measure(`baseline: OFFSET ${deepAt.toLocaleString("en")}, by name`, () =>
        db.contact.findMany({ where: { organizationId: big.id }, orderBy: [{ name: "asc" }, { id: "asc" }], skip: deepAt, take: 50, select: { id: true } }),
      ),
    );
    results.push(await measure("total count (the header's N)", () => countContacts(big.id)));
    results.push(await measure("/contacts page data (first page + count)", () => listContactsWithTotal(big.id, { sort: "name", limit: 50 })));

    console.log("\nSearch (first page + count of matches, as /contacts does)");
    // A first.last pair from an email: a handful of rows.
    const [pair] = await db.$queryRawUnsafe<{ pair: string }[]>(
      `SELECT regexp_replace(split_part("email", '@', 1), '[0-9]+$', '') AS "pair" FROM "Contact" WHERE "organizationId" = $1 AND "email" IS NOT NULL ORDER BY "id" LIMIT 1`,
      big.id,
    );
    const searches: [string, string][] = [
      ["smith", "a surname"],
      ["olivia", "a first name, three quarters down by name"],
      [pair!.pair, "rare: one first.last pair in emails"],
      ["zzqx", "no match"],
      ["jo", "two letters: word prefix"],
      ["e", "one letter: word prefix"],
      ["example", "in 80% of emails"],
      ["0400 0123", "phone digits"],
      ["newtown", "business name"],
    ];
    for (const [q, note] of searches) {
      const page = await listContactsWithTotal(big.id, { sort: "name", limit: 50, q });
      results.push(
        await measure(`search "${q}"`, () => listContactsWithTotal(big.id, { sort: "name", limit: 50, q }), {
          note: `${note}; ${page.total.toLocaleString("en")} match`,
        }),
      );
    }
    const smith = await listContactsWithTotal(big.id, { sort: "name", limit: 50, q: "smith" });
    results.push(
      await measure(`search "smith", second page`, () => listContactsWithTotal(big.id, { sort: "name", limit: 50, q: "smith", cursor: smith.nextCursor! })),
    );

    console.log(`\nCSV import of ${IMPORT_ROWS.toLocaleString("en")} rows (parse, validate every row, batched upserts in one transaction)`);
    const file = importFile(IMPORT_ROWS, 90_000_000);
    console.log(`  file: ${(file.length / 1024 / 1024).toFixed(2)} MB`);
    timings.importDryRun = await timeOnce("dry run (check only)", () => importContacts(importer, file, { mode: "all_or_nothing", dryRun: true }));
    timings.importCreate = await timeOnce(`import ${IMPORT_ROWS.toLocaleString("en")} new contacts`, () =>
      importContacts(importer, file, { mode: "all_or_nothing", dryRun: false }),
    );
    timings.importUnchanged = await timeOnce(`re-import the same file: ${IMPORT_ROWS.toLocaleString("en")} contacts it would not change`, () =>
      importContacts(importer, file, { mode: "all_or_nothing", dryRun: false }),
    );
    const renamed = importFile(IMPORT_ROWS, 90_000_000, "Imported Patient Renamed");
    timings.importDryRunRenames = await timeOnce(`dry run of new names: ${IMPORT_ROWS.toLocaleString("en")} renames`, () =>
      importContacts(importer, renamed, { mode: "all_or_nothing", dryRun: true }),
    );
    timings.importUpdate = await timeOnce(`re-import with new names: ${IMPORT_ROWS.toLocaleString("en")} updates`, () =>
      importContacts(importer, renamed, { mode: "all_or_nothing", dryRun: false }),
    );
    timings.importIntoBig = await timeOnce(`import into the ${CONTACTS.toLocaleString("en")}-contact clinic`, () =>
      importContacts(big, file, { mode: "all_or_nothing", dryRun: false }),
    );
    const p95 = (name: string) => results.find((r) => r.name === name)?.p95 ?? Number.NaN;
    const deepByName = `deep page (row ${deepAt.toLocaleString("en")}), by name`;
    console.log("\nRatios (this run)");
    ratios.deepOverFirstByName = p95(deepByName) / p95("first page, by name");
    ratios.offsetOverKeyset = p95(`baseline: OFFSET ${deepAt.toLocaleString("en")}, by name`) / p95(deepByName);
    ratios.reimportOverImport = timings.importUpdate! / timings.importCreate!;
    ratios.unchangedOverImport = timings.importUnchanged! / timings.importCreate!;
    line("deep page / first page, by name (p95)", `${ratios.deepOverFirstByName.toFixed(2)}×   (keyset: flat with depth)`);
    line(`OFFSET / keyset at row ${deepAt.toLocaleString("en")} (p95)`, `${ratios.offsetOverKeyset.toFixed(1)}×`);
    line("re-import (updates) / import (creates)", `${ratios.reimportOverImport.toFixed(2)}×`);
    line("re-import (nothing changed) / import (creates)", `${ratios.unchangedOverImport.toFixed(2)}×`);
    line("import per row", `${((timings.importCreate! / IMPORT_ROWS) * 1000).toFixed(0)} µs`);
  } finally {
    await deleteBenchOrganizations(db, [big.id, neighbour, importer.id]);
  }
  return { sizes: { contacts: CONTACTS, iterations: ITERATIONS, importRows: IMPORT_ROWS }, results, timings, ratios };
}
