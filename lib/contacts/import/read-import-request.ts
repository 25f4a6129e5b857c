import { z } from "zod";
import { AppError, fromZodError } from "@/lib/errors";
import { assertStorable, readBodyBytes } from "@/lib/http/parse-request";
import { COLUMN_TARGETS, type ColumnMappingInput } from "@/lib/contacts/import/column-mapping";
import { IMPORT_MAX_BYTES, IMPORT_MAX_MEGABYTES, IMPORT_MULTIPART_OVERHEAD_BYTES } from "@/lib/contacts/import/limits";

export const IMPORT_MODES = ["all_or_nothing", "valid_only"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportRequest {
  file: Uint8Array;
  mapping?: ColumnMappingInput;
  mode: ImportMode;
  dryRun: boolean;
}

const TOO_LARGE = `The file is larger than ${IMPORT_MAX_MEGABYTES} MB, the limit for one import. Split it into smaller files.`;

const target = z.enum(COLUMN_TARGETS as [string, ...string[]]);
const mappingSchema = z.union([z.record(z.string().max(500), target), z.array(target).max(1_000)]);

const optionsSchema = z.object({
  mode: z.enum(IMPORT_MODES).default("all_or_nothing"),
  dryRun: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((value) => value === "1" || value === "true"),
  mapping: z.string().max(100_000).optional(),
});

function parseMapping(raw: string | undefined): ColumnMappingInput | undefined {
  if (!raw) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "The column mapping is not valid JSON.");
  }
  const parsed = mappingSchema.safeParse(json);
  if (!parsed.success) throw fromZodError(parsed.error, `The column mapping is invalid: use one of ${COLUMN_TARGETS.join(", ")} for each column.`);
  return parsed.data as ColumnMappingInput;
}

/**
 * Reads POST /api/contacts/import: `multipart/form-data` with the CSV in a `file` field (and
 * optionally `mapping`, `mode`, `dryRun` fields), or the CSV itself as a `text/csv` body. Options in
 * the query string work for both. The size is refused from Content-Length before anything is read,
 * and the read stops as soon as it passes the limit, so a 50 MB upload costs nothing.
 */
export async function readImportRequest(req: Request): Promise<ImportRequest> {
  // Kept as sent: the multipart boundary is case-sensitive.
  const contentType = req.headers.get("content-type") ?? "";
  const mediaType = contentType.toLowerCase();
  const fields: Record<string, string> = Object.fromEntries(new URL(req.url).searchParams.entries());
  let file: Uint8Array;

  if (mediaType.startsWith("multipart/form-data")) {
    const body = await readBodyBytes(req, IMPORT_MAX_BYTES + IMPORT_MULTIPART_OVERHEAD_BYTES, TOO_LARGE);
    let form: FormData;
    try {
      form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
    } catch {
      throw new AppError("bad_request", "The upload could not be read as a form. Send the CSV in a multipart field named file.");
    }
    const part = form.get("file");
    if (!part || typeof part === "string") throw new AppError("bad_request", "Attach the CSV file in a form field named file.");
    if (part.size > IMPORT_MAX_BYTES) throw new AppError("payload_too_large", TOO_LARGE);
    file = new Uint8Array(await part.arrayBuffer());
    for (const name of ["mapping", "mode", "dryRun"]) {
      const value = form.get(name);
      if (typeof value === "string" && fields[name] === undefined) fields[name] = value;
    }
  } else if (/^(text\/csv|text\/plain|application\/csv|text\/tab-separated-values)\b/.test(mediaType)) {
    file = await readBodyBytes(req, IMPORT_MAX_BYTES, TOO_LARGE);
  } else {
    throw new AppError("unsupported_media_type", "Send the CSV as multipart/form-data (a field named file) or as a text/csv body.");
  }

  assertStorable(fields, "Some import options are invalid");
  const options = optionsSchema.safeParse(fields);
  if (!options.success) throw fromZodError(options.error, "Some import options are invalid");
  return { file, mode: options.data.mode, dryRun: options.data.dryRun, mapping: parseMapping(options.data.mapping) };
}
