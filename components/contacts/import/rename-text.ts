import type { ImportRename } from "@/lib/contacts/import/preview-updates";

/** "3 existing contacts will be renamed" */
export function renamesHeading(count: number): string {
  return count === 1 ? "1 existing contact will be renamed" : `${count.toLocaleString("en")} existing contacts will be renamed`;
}

/** "Jane Citizen → Jane Smith (row 14, 0491 570 156)" */
export function renameLine(rename: Pick<ImportRename, "from" | "to" | "row" | "phoneDisplay">): string {
  return `${rename.from} → ${rename.to} (row ${rename.row.toLocaleString("en")}, ${rename.phoneDisplay})`;
}

/** "and 17 more", or null when the list shows them all. */
export function moreRenames(count: number, listed: number): string | null {
  return count > listed ? `and ${(count - listed).toLocaleString("en")} more` : null;
}
