import { AppError } from "@/lib/errors";

const NOT_TEXT = "This file is not a CSV text file (it contains binary data). In your spreadsheet, use File → Save as / Download → CSV, then choose that file.";

/** Control bytes other than tab, line feed, carriage return and form feed: rare in text, common in binaries. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  return control > sample.length / 100;
}

/**
 * The text of an uploaded CSV. UTF-8 (with or without the BOM Excel writes) is the norm; UTF-16 with
 * a BOM ("Unicode text") is read too, and a file that is not valid UTF-8 is read as Windows-1252,
 * which is what older Excel versions save "CSV" as — so "José" survives either way. Anything with
 * NUL or many control bytes (a spreadsheet, an image, a zip) is refused in plain words.
 */
export function decodeCsvFile(bytes: Uint8Array): string {
  const text = decodeText(bytes);
  // The byte sniff above reads only the first 64 KB, and UTF-16 carries NUL bytes by design: check
  // the decoded text itself, since PostgreSQL cannot store NUL. (TextDecoder turns lone surrogates
  // into U+FFFD, so the decoded text never carries one.)
  if (text.includes("\u0000")) throw new AppError("invalid_input", `${NOT_TEXT} (It contains a NUL character, which no cell can hold.)`);
  return text;
}

function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new AppError("invalid_input", "The file is empty. Choose a CSV file with a header row and at least one contact.");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  // Zip containers (.xlsx, .numbers, .ods) start with "PK\x03\x04".
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new AppError("invalid_input", "This looks like a spreadsheet file (.xlsx or similar), not a CSV. Save it as CSV first, then choose that file.");
  }
  if (looksBinary(bytes)) throw new AppError("invalid_input", NOT_TEXT);
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return new TextDecoder("windows-1252").decode(bytes.subarray(start));
  }
}
