/**
 * One CSV cell, safe to open in a spreadsheet: a value starting with = + - @ (or a tab or carriage
 * return) would run as a formula in Excel, Sheets or LibreOffice ("CSV injection"), so it gets a
 * leading apostrophe, which spreadsheets hide and our importer removes again. Then RFC 4180 quoting.
 */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function csvLine(cells: readonly (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
