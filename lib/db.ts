import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { rejectUndefinedInWhere } from "@/lib/prisma/reject-undefined-where";

/** Builds a client on `@prisma/adapter-pg`: the same path in development (PGlite over a socket) and production. */
export function createPrismaClient(connectionString: string) {
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true }, invitation: { tokenHash: true }, voiceAgent: { tokenHash: true } } }).$extends(
    rejectUndefinedInWhere,
  );
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForPrisma = globalThis as unknown as { callboardPrisma?: Db };

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Run `npm run dev` (it starts the embedded database) or set it in .env.");
  return url;
}

/** The one Prisma client of the process, created on first use so imports never need a database. */
export function getDb(): Db {
  globalForPrisma.callboardPrisma ??= createPrismaClient(databaseUrl());
  return globalForPrisma.callboardPrisma;
}

/** The client an interactive transaction hands its callback; functions that may run inside one take it. */
type TransactionCallback = Extract<Parameters<Db["$transaction"]>[0], (client: never) => unknown>;
export type DbClient = Parameters<TransactionCallback>[0];
