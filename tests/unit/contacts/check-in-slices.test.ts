import { describe, expect, it } from "vitest";
import { checkInSlices } from "@/lib/contacts/import/check-in-slices";
import type { CsvRow } from "@/lib/contacts/import/parse-csv";
import type { ValidatedRows } from "@/lib/contacts/import/validate-rows";

const rows = (count: number): CsvRow[] => Array.from({ length: count }, (_, i) => ({ row: i + 2, cells: [`Patient ${i}`] }));

/** Every third row invalid; the rest valid. */
function fakeValidate(seen: { sizes: number[] }) {
  return (slice: readonly CsvRow[]): ValidatedRows => {
    seen.sizes.push(slice.length);
    const bad = slice.filter((row) => row.row % 3 === 0);
    return {
      valid: slice.filter((row) => row.row % 3 !== 0).map((row) => ({ row: row.row, contact: {} as never })),
      errors: bad.map((row) => ({ row: row.row, message: "bad" })),
      invalidRows: bad.length,
    };
  };
}

describe("checkInSlices", () => {
  it("lets other work run between slices: one turn of the event loop after each", async () => {
    let turns = 0;
    let spinning = true;
    const spin = () => {
      if (!spinning) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const turnsAtSlice: number[] = [];
    const seen = { sizes: [] as number[] };
    await checkInSlices(rows(1_050), fakeValidate(seen), () => turnsAtSlice.push(turns), 100);
    spinning = false;
    expect(seen.sizes).toEqual([...Array(10).fill(100), 50]);
    // The spinner (another request) ran between every two slices.
    for (let i = 1; i < turnsAtSlice.length; i++) expect(turnsAtSlice[i]!).toBeGreaterThan(turnsAtSlice[i - 1]!);
  });

  it("hands each slice its running totals and says which is last", async () => {
    const calls: { valid: number; invalidSoFar: number; last: boolean }[] = [];
    const totals = await checkInSlices(
      rows(250),
      fakeValidate({ sizes: [] }),
      (part, soFar, last) => calls.push({ valid: part.valid.length, invalidSoFar: soFar.invalidRows, last }),
      100,
    );
    expect(calls.map((call) => call.last)).toEqual([false, false, true]);
    expect(calls.map((call) => call.invalidSoFar)).toEqual([33, 67, 83]);
    expect(totals).toMatchObject({ validRows: 167, invalidRows: 83 });
    expect(totals.errors.map((error) => error.row)).toEqual(
      rows(250)
        .filter((row) => row.row % 3 === 0)
        .map((row) => row.row),
    );
  });
});
