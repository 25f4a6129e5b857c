import type { ColumnTarget } from "@/lib/contacts/import/column-mapping";
import type { ImportReport } from "@/lib/contacts/import/import-contacts";
import type { ImportMode } from "@/lib/contacts/import/read-import-request";
import type { Problem } from "@/components/forms/problem";
import { ORGANIZATION_HEADER } from "@/lib/http/organization-header";
import { pageOrganizationId } from "@/lib/http/tenant-fetch";

export type ImportAnswer = { ok: true; report: ImportReport } | { ok: false; problem: Problem; report?: ImportReport };

/**
 * POSTs the file to /api/contacts/import with XMLHttpRequest rather than fetch, for one reason: upload
 * progress (a 10 MB file on a clinic's connection takes a while), reported as a fraction.
 */
export function sendImport(
  file: File,
  options: { targets: ColumnTarget[]; mode: ImportMode; dryRun: boolean },
  onUploadProgress: (fraction: number) => void,
): Promise<ImportAnswer> {
  const form = new FormData();
  form.set("file", file);
  form.set("mapping", JSON.stringify(options.targets));
  form.set("mode", options.mode);
  form.set("dryRun", options.dryRun ? "1" : "0");
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/contacts/import");
    // What tenantFetch adds: the import lands in the clinic this page shows, or is refused.
    const organizationId = pageOrganizationId();
    if (organizationId) xhr.setRequestHeader(ORGANIZATION_HEADER, organizationId);
    xhr.responseType = "text";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onUploadProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        // Not JSON (a proxy's error page): fall through to the generic message.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ ok: true, report: body as unknown as ImportReport });
      resolve({
        ok: false,
        problem: {
          status: xhr.status,
          code: typeof body.code === "string" ? body.code : undefined,
          detail: typeof body.detail === "string" ? body.detail : `The server answered ${xhr.status}. Try again in a moment.`,
          requestId: typeof body.requestId === "string" ? body.requestId : undefined,
        },
        report: body.report as ImportReport | undefined,
      });
    };
    xhr.onerror = () => resolve({ ok: false, problem: { status: 0, detail: "We couldn't reach Callboard. Check your connection and try again." } });
    xhr.send(form);
  });
}
