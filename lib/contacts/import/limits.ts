/** What one CSV import accepts (stated in docs/contacts.md, "CSV import"). Client-safe: the upload form checks the size first. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Multipart framing around the file: boundaries, part headers, the mapping and mode fields. */
export const IMPORT_MULTIPART_OVERHEAD_BYTES = 256 * 1024;
export const IMPORT_MAX_ROWS = 100_000;
export const IMPORT_MAX_COLUMNS = 200;
export const IMPORT_MAX_CELL_CHARS = 10_000;
/** A header names a column (a custom field's key is at most 64 characters): anything longer is not a header. */
export const IMPORT_MAX_HEADER_CHARS = 200;
/** Row problems listed in one answer; the counts always cover every row. */
export const IMPORT_MAX_REPORTED_ERRORS = 500;
/** Existing contacts a dry run lists by name when the file would rename them; the count covers them all. */
export const IMPORT_MAX_LISTED_RENAMES = 20;
/** Rows per INSERT … ON CONFLICT statement. */
export const IMPORT_WRITE_CHUNK_ROWS = 1_000;
/** Rows checked between two turns of the event loop, so a finished chunk's next one is sent without waiting for a whole chunk's checks. */
export const IMPORT_CHECK_SLICE_ROWS = 100;

export const IMPORT_MAX_MEGABYTES = IMPORT_MAX_BYTES / 1024 / 1024;
