import { describe, expect, it, vi } from "vitest";

// Counts how often a header is turned into a key, around the real function.
const calls = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/text/snake-case", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/text/snake-case")>();
  return {
    toSnakeCase: (key: string) => {
      calls.count++;
      return original.toSnakeCase(key);
    },
  };
});

const { parseCsv } = await import("@/lib/contacts/import/parse-csv");
const { resolveColumnMapping } = await import("@/lib/contacts/import/column-mapping");
const { validateRows } = await import("@/lib/contacts/import/validate-rows");

function keysComputedFor(rows: number): number {
  const lines = ["Name,Phone,Appointment Type,Preferred Doctor,Health Fund"];
  for (let i = 0; i < rows; i++) lines.push(`Patient ${i},04${String(91_570_000 + i)},flu vaccination,Dr Tan,Bupa`);
  calls.count = 0;
  const csv = parseCsv(lines.join("\n"));
  const mapping = resolveColumnMapping(csv.headers);
  if (!mapping.ok) throw new Error(mapping.message);
  const result = validateRows(csv.rows, mapping.columns, "AU", csv.rowProblems);
  expect(result.errors).toEqual([]);
  expect(result.valid).toHaveLength(rows);
  expect(result.valid[rows - 1]!.contact.customFields).toEqual({ appointment_type: "flu vaccination", preferred_doctor: "Dr Tan", health_fund: "Bupa" });
  return calls.count;
}

describe("CSV import: column keys", () => {
  it("turns each header into its key a fixed number of times, however many rows the file has", () => {
    const few = keysComputedFor(2);
    const many = keysComputedFor(2_000);
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
  });
});
