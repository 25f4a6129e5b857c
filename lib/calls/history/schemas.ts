import { z } from "zod";

/** An empty field in a form or URL means "no filter", not an invalid value. */
const blankIsUnset = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-22")
  .refine((value) => {
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, "That date does not exist");

export const CALL_STATUSES = ["INITIATED", "IN_PROGRESS", "COMPLETED", "FAILED"] as const;
export const CALL_DIRECTIONS = ["OUTBOUND", "INBOUND"] as const;
/** Longest search accepted; a longer one is refused with a 400 rather than scanned. */
export const MAX_SEARCH_LENGTH = 200;

const filterShape = {
  /** First and last day (inclusive) on the clinic's calendar. */
  from: blankIsUnset(day),
  to: blankIsUnset(day),
  outcome: blankIsUnset(
    z
      .string()
      .trim()
      .max(64)
      .regex(/^[a-z0-9_]+$/, "Use an outcome such as resolved or no_answer"),
  ),
  status: blankIsUnset(z.enum(CALL_STATUSES)),
  direction: blankIsUnset(z.enum(CALL_DIRECTIONS)),
  contactId: blankIsUnset(z.string().trim().min(1).max(64)),
  q: blankIsUnset(z.string().trim().max(MAX_SEARCH_LENGTH, `Search for at most ${MAX_SEARCH_LENGTH} characters`)),
};

type WithRange = { from?: string; to?: string };
const rangeInOrder = (value: WithRange) => !value.from || !value.to || value.from <= value.to;
const rangeMessage = { message: "The first day is after the last day", path: ["to"] };

export const callFiltersSchema = z.object(filterShape).refine(rangeInOrder, rangeMessage);
export type CallFilters = z.infer<typeof callFiltersSchema>;

export const listCallsQuerySchema = z
  .object({ ...filterShape, cursor: blankIsUnset(z.string().max(512)), limit: z.coerce.number().int().min(1).max(100).default(50) })
  .refine(rangeInOrder, rangeMessage);
export type ListCallsQuery = z.infer<typeof listCallsQuerySchema>;
