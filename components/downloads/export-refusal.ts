import type { Problem } from "@/components/forms/problem";

/** What the toast of a refused export says: the server's own words, and what to do about them. */
export interface ExportRefusal {
  title: string;
  description: string;
  /** A page left open on a clinic the user has left (409), or a session that ended (401): a reload is the way out. */
  reload: boolean;
}

/**
 * A refused export. A plain `<a download>` would only show the browser's "Failed — server problem" in its
 * download list; the answer is a problem+json whose detail says why (a page out of date, a filter the server
 * refuses, a session ended), so that is what staff read, with the way out.
 */
export function exportRefusal(what: string, problem: Problem): ExportRefusal {
  const reload = problem.code === "stale_organization" || problem.status === 401;
  return { title: `${what} not exported`, description: problem.detail ?? `The server answered ${problem.status}. Try again in a moment.`, reload };
}

/** The file name of a download from its Content-Disposition (`attachment; filename="calls-x-2026-12-07.csv"`). */
export function downloadFileName(contentDisposition: string | null, fallback: string): string {
  const name = contentDisposition?.match(/filename="([^"]+)"/)?.[1];
  return name && !/[\\/]/.test(name) ? name : fallback;
}
