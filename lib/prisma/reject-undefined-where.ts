import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Prisma reads `where: { organizationId: undefined }` as "no filter", which turns a tenant-scoped
 * query into a cross-tenant one. Refuse any top-level where key whose value is undefined.
 */
export const rejectUndefinedInWhere = Prisma.defineExtension({
  name: "reject-undefined-in-where",
  query: {
    $allModels: {
      async $allOperations({ model, operation, args, query }) {
        const where = (args as { where?: Record<string, unknown> } | undefined)?.where;
        if (where) {
          for (const [key, value] of Object.entries(where)) {
            if (value === undefined) {
              throw new Error(`${model}.${operation}: where.${key} is undefined (refusing an unscoped query)`);
            }
          }
        }
        return query(args);
      },
    },
  },
});
