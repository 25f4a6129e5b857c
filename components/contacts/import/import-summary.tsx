import { AlertTriangle, CheckCircle2, UserPen } from "lucide-react";
import type { ImportReport } from "@/lib/contacts/import/import-contacts";
import { moreRenames, renameLine, renamesHeading } from "@/components/contacts/import/rename-text";

const n = (value: number) => value.toLocaleString("en");

export function ImportCounts({ items }: { items: { label: string; value: number; tone?: "warning" }[] }) {
  return (
    <dl className="grid grid-cols-3 gap-3">
      {items.map((item) => (
        <div
          key={item.label}
          className={`rounded-md border px-3 py-2 ${item.tone === "warning" && item.value > 0 ? "border-amber-200 bg-amber-50" : "border-zinc-200 bg-zinc-50"}`}
        >
          <dt className="text-xs text-zinc-500">{item.label}</dt>
          <dd className="text-lg font-semibold text-zinc-900 tabular-nums">{n(item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Existing contacts the file would rename, listed before staff confirm: a re-used number renames a patient. */
function RenameList({ count, renames }: { count: number; renames: NonNullable<ImportReport["renames"]> }) {
  const more = moreRenames(count, renames.length);
  return (
    <section aria-labelledby="import-renames-heading" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2.5">
      <h3 id="import-renames-heading" className="flex items-center gap-2 text-sm font-medium text-amber-900">
        <UserPen className="size-4" aria-hidden="true" />
        {renamesHeading(count)}
      </h3>
      <p className="mt-1 text-xs text-amber-900">
        These rows have the phone number of a contact you already have, under another name. Check they are the same people.
      </p>
      <ul className="mt-2 space-y-0.5 text-sm text-zinc-800">
        {renames.map((rename) => (
          <li key={rename.row} data-testid="import-rename">
            {renameLine(rename)}
          </li>
        ))}
      </ul>
      {more ? <p className="mt-1 text-xs text-amber-900">{more}</p> : null}
    </section>
  );
}

/** What a dry run found: how many rows are ready, what they will do (and whom they rename), and each problem by row. */
export function ImportReview({ report }: { report: ImportReport }) {
  return (
    <div className="space-y-4">
      <ImportCounts
        items={[
          { label: "New contacts", value: report.created },
          { label: "Updates (same phone)", value: report.updated },
          { label: "Rows with problems", value: report.invalidRows, tone: "warning" },
        ]}
      />
      {report.renameCount && report.renames ? <RenameList count={report.renameCount} renames={report.renames} /> : null}
      {report.invalidRows === 0 ? (
        <p className="flex items-center gap-2 text-sm text-emerald-800">
          <CheckCircle2 className="size-4" aria-hidden="true" />
          All {n(report.rows)} rows are ready to import.
        </p>
      ) : (
        <section aria-labelledby="import-problems-heading">
          <h3 id="import-problems-heading" className="flex items-center gap-2 text-sm font-medium text-amber-900">
            <AlertTriangle className="size-4" aria-hidden="true" />
            {report.invalidRows === 1 ? "1 row has a problem" : `${n(report.invalidRows)} rows have problems`}
          </h3>
          <div className="mt-2 max-h-56 overflow-auto rounded-md border border-zinc-200">
            <table className="w-full border-collapse text-sm">
              <thead className="sticky top-0 bg-zinc-50 text-xs text-zinc-500 shadow-[inset_0_-1px_0] shadow-zinc-200">
                <tr>
                  <th scope="col" className="w-16 px-3 py-1.5 text-left font-medium">
                    Row
                  </th>
                  <th scope="col" className="w-32 px-3 py-1.5 text-left font-medium">
                    Column
                  </th>
                  <th scope="col" className="px-3 py-1.5 text-left font-medium">
                    Problem
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {report.errors.map((error, index) => (
                  <tr key={index} data-testid="import-error">
                    <td className="px-3 py-1.5 align-top text-zinc-700 tabular-nums">{error.row}</td>
                    <td className="max-w-32 truncate px-3 py-1.5 align-top text-zinc-600">{error.column ?? "—"}</td>
                    <td className="px-3 py-1.5 text-zinc-800">{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.errorsTruncated ? <p className="mt-1.5 text-xs text-zinc-500">Only the first {n(report.errors.length)} problems are listed.</p> : null}
          <p className="mt-2 text-xs text-zinc-500">Row numbers are as your spreadsheet shows them: the header is row 1.</p>
        </section>
      )}
    </div>
  );
}
