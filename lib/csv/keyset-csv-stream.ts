import { csvLine } from "@/lib/csv/csv-cell";

export interface CsvPage {
  /** Finished CSV lines (see csvLine), one per row. */
  lines: string[];
  nextCursor: string | null;
}

/**
 * A CSV download read page by page as the client consumes it, so a 100,000-row export never sits in
 * memory: a UTF-8 BOM (Excel reads accents right) and the header first, then one keyset page per pull.
 */
export function keysetCsvStream(header: readonly string[], nextPage: (cursor: string | undefined) => Promise<CsvPage>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
        return;
      }
      const page = await nextPage(cursor);
      if (page.lines.length) controller.enqueue(encoder.encode(page.lines.join("")));
      if (!page.nextCursor) controller.close();
      else cursor = page.nextCursor;
    },
  });
}
