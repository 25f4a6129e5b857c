/**
 * Hostile inputs for the route fuzzer, from a seeded PRNG so a failure names its seed and case and
 * reproduces exactly (FUZZ_SEED=<seed>). Every value here is meant to be refused by the field it
 * replaces: wrong types, text PostgreSQL cannot store, lengths past every cap, numbers past every range.
 */

// The simulator's mulberry32: the same seed gives the same sequence.
export { mulberry32 as seededRandom } from "@/simulator/prng";

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const LONG = "x".repeat(10_000);
const NUL = "a\u0000b";
const LONE_HIGH = "a\ud800b";
const LONE_LOW = "\udc00";

/** Nested `depth` deep: [[[…]]] or {"a":{"a":…}}. */
export function deepNesting(depth: number, kind: "array" | "object"): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === "array" ? [value] : { a: value };
  return value;
}

/** Text that is not a string a JSON text field accepts: wrong types and unstorable or oversized strings. */
const NOT_TEXT: readonly (() => unknown)[] = [
  () => 42,
  () => -1,
  () => 1e308,
  () => true,
  () => [],
  () => ["a", "b"],
  () => ({}),
  () => ({ nested: "object" }),
  () => NUL,
  () => LONE_HIGH,
  () => LONE_LOW,
  () => LONG,
  () => `${LONG}${NUL}`,
  () => "\u0000",
  () => deepNesting(50, "array"),
];

/** Not a number a JSON number field accepts: strings, out of range, fractions, other types. */
const NOT_NUMBER: readonly (() => unknown)[] = [
  () => "abc",
  () => "1e999",
  () => 1e308,
  () => -1e308,
  () => 2 ** 53 + 2,
  () => -2_147_483_649,
  () => 1.5,
  () => true,
  () => [],
  () => ({}),
  () => NUL,
  () => LONG,
];

const NOT_BOOLEAN: readonly (() => unknown)[] = [() => "true", () => 0, () => 1, () => "yes", () => [], () => ({}), () => NUL];

const NOT_LIST: readonly (() => unknown)[] = [
  () => ({}),
  () => "a",
  () => 42,
  () => [NUL],
  () => [LONG],
  () => [42, true, {}],
  () => Array.from({ length: 100_001 }, () => "c"),
  () => deepNesting(200, "array"),
];

const NOT_OBJECT: readonly (() => unknown)[] = [
  () => [],
  () => "a",
  () => 42,
  () => true,
  () => deepNesting(200, "object"),
  () => ({ [NUL]: 1 }),
  () => ({ [LONE_HIGH]: "x" }),
];

/** Past instants, for fields that must be in the future. */
export const PAST_INSTANTS = ["2000-01-01T00:00:00Z", "1970-01-01T00:00:00+00:00", new Date(Date.now() - 3 * 86_400_000).toISOString()];

/** A value of the wrong kind for the field whose valid value is `valid`. */
export function hostileFor(valid: unknown, random: Random): unknown {
  const pool =
    typeof valid === "string"
      ? NOT_TEXT
      : typeof valid === "number"
        ? NOT_NUMBER
        : typeof valid === "boolean"
          ? NOT_BOOLEAN
          : Array.isArray(valid)
            ? NOT_LIST
            : NOT_OBJECT;
  return pick(random, pool)();
}

/** Whole bodies that are not the object a route reads, as JSON values. */
export const HOSTILE_BODIES: readonly (() => unknown)[] = [
  () => null,
  () => 42,
  () => "a string",
  () => true,
  () => [],
  () => [{}],
  () => deepNesting(500, "array"),
  () => deepNesting(500, "object"),
  () => ({ [NUL]: "key with a NUL" }),
  () => ({ "\ud800": "a lone surrogate key" }),
  () => ({ __proto__: { polluted: true } }),
  () => JSON.parse('{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}') as unknown,
  () => Array.from({ length: 1_000 }, (_, i) => ({ i })),
];

/** Raw texts that are not JSON, or JSON a parser may choke on. */
export const HOSTILE_TEXTS: readonly string[] = [
  "{",
  '{"a":',
  "not json",
  "\u0000",
  '{"a": "\\u0000"}',
  '{"a": "\\ud800"}',
  "1e999999",
  "-1e999999",
  "[".repeat(100_000),
  // Deeper than the test's own JSON.stringify could go: written as text.
  `${"[".repeat(5_000)}1${"]".repeat(5_000)}`,
  `${'{"a":'.repeat(2_000)}1${"}".repeat(2_000)}`,
  '{"a":1,"a":2}',
  "\ufeff{}",
  "null",
  "",
  " ",
];

/** Query values no filter accepts (the URL layer turns some into U+FFFD: what the route then sees). */
export const HOSTILE_QUERY_VALUES: readonly string[] = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  LONG,
  "-1",
  "0",
  "1e999",
  "NaN",
  "Infinity",
  "1.5",
  "[object Object]",
  "2026-02-30",
  "2026-13-01T00:00:00Z",
  "../../etc/passwd",
  "' OR 1=1 --",
  "%",
  "\u202e",
];

/** Path ids no route has: unstorable, oversized, traversal. */
export const HOSTILE_IDS: readonly string[] = ["\u0000", "a\u0000b", "\ud800", LONG, "../..", "%00", " ", "' OR 1=1 --", "null", "[object Object]"];

/** The valid body with one field replaced by a hostile value. */
export function mutateOneField(
  valid: Record<string, unknown>,
  random: Random,
  pastDateFields: readonly string[] = [],
): { body: Record<string, unknown>; field: string } {
  const field = pick(random, Object.keys(valid));
  const past = pastDateFields.includes(field) && random() < 0.3;
  return { body: { ...valid, [field]: past ? pick(random, PAST_INSTANTS) : hostileFor(valid[field], random) }, field };
}

/** The valid body with every field replaced. */
export function mutateEveryField(valid: Record<string, unknown>, random: Random): Record<string, unknown> {
  return Object.fromEntries(Object.entries(valid).map(([key, value]) => [key, hostileFor(value, random)]));
}
