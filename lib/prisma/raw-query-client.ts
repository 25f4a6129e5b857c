import type { Prisma } from "@/lib/generated/prisma/client";

/** The transaction client Prisma hands an interactive transaction (raw queries are all we need). */
export interface RawQueryClient {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Prisma.PrismaPromise<T>;
}
