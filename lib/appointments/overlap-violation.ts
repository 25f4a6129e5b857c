/**
 * True when the database refused a write because it would overlap an active appointment: PostgreSQL's
 * exclusion_violation (SQLSTATE 23P01) on Appointment_no_overlap. Prisma surfaces driver-adapter errors in
 * a few shapes (known request error with meta, or the adapter's error as cause), so look at all of them.
 */
export function isOverlapViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const record = current as { code?: unknown; message?: unknown; meta?: unknown; cause?: unknown };
    if (record.code === "23P01") return true;
    if (typeof record.message === "string" && record.message.includes("Appointment_no_overlap")) return true;
    if (record.meta && JSON.stringify(record.meta).match(/23P01|Appointment_no_overlap/)) return true;
    current = record.cause;
  }
  return false;
}
