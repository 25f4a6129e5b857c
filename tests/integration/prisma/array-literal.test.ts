// The bulk writes send each column as one array literal (lib/prisma/array-literal.ts): whatever a cell
// holds must come back from the database exactly as it went in.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { arrayLiteral } from "@/lib/prisma/array-literal";

const awkward = [
  "plain",
  "",
  " padded ",
  "NULL",
  "null",
  'quote " inside',
  '""',
  "back\\slash",
  "\\",
  '\\"',
  "comma, and {braces}",
  "}",
  "line\nbreak\r\ntab\there",
  "Émile 𝒜 日本語 🙂",
  "'apostrophe'",
  "$1 ::text[]",
  null,
];

describe("arrayLiteral", () => {
  it("round-trips every awkward value, nulls included, in order", async () => {
    const rows = await getDb().$queryRaw<{ value: string | null; position: bigint }[]>`
      SELECT value, position FROM unnest(${arrayLiteral(awkward)}::text[]) WITH ORDINALITY AS t(value, position) ORDER BY position`;
    expect(rows.map((row) => row.value)).toEqual(awkward);
  });

  it("carries JSON documents as jsonb elements", async () => {
    const documents = [{ note: 'said "call me" \\ later' }, {}, { "key with, comma": "{x}" }];
    const rows = await getDb().$queryRaw<{ value: unknown }[]>`
      SELECT value FROM unnest(${arrayLiteral(documents.map((document) => JSON.stringify(document)))}::jsonb[]) AS t(value)`;
    expect(rows.map((row) => row.value)).toEqual(documents);
  });
});
