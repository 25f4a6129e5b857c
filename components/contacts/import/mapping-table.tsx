"use client";

import { COLUMN_TARGETS, COLUMN_TARGET_LABELS, columnLetter, type ColumnTarget } from "@/lib/contacts/import/column-mapping";
import { toSnakeCase } from "@/lib/text/snake-case";
import { Select } from "@/components/ui/input";
import type { CsvPreview } from "@/components/contacts/import/csv-preview";

/** The file's first rows, with a choice above each column of what it holds. */
export function MappingTable({ preview, targets, onChange }: { preview: CsvPreview; targets: ColumnTarget[]; onChange: (targets: ColumnTarget[]) => void }) {
  return (
    <div className="max-h-80 overflow-auto rounded-md border border-zinc-200">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">The first rows of the file, and what each column will be imported as</caption>
        <thead className="sticky top-0 z-10 bg-zinc-50 shadow-[inset_0_-1px_0] shadow-zinc-200">
          <tr>
            {preview.headers.map((header, index) => {
              const id = `import-column-${index}`;
              const target = targets[index] ?? "ignore";
              return (
                <th key={index} scope="col" className="min-w-44 px-3 py-2 text-left align-top font-normal">
                  <label htmlFor={id} className="block truncate text-xs font-semibold text-zinc-800" title={header}>
                    <span className="mr-1 font-mono text-zinc-500">{columnLetter(index)}</span>
                    {header || <span className="text-zinc-500 italic">(no header)</span>}
                  </label>
                  <div className="mt-1.5">
                    <Select
                      id={id}
                      value={target}
                      onChange={(event) => onChange(targets.map((t, i) => (i === index ? (event.target.value as ColumnTarget) : t)))}
                      className="h-8 text-xs"
                      aria-label={`Import column ${header || columnLetter(index)} as`}
                    >
                      {COLUMN_TARGETS.map((option) => (
                        <option key={option} value={option}>
                          {COLUMN_TARGET_LABELS[option]}
                        </option>
                      ))}
                    </Select>
                  </div>
                  {target === "custom" ? (
                    <p className="mt-1 truncate text-[11px] text-zinc-500">
                      saved as <code className="font-mono text-zinc-700">{toSnakeCase(header) || "?"}</code>
                    </p>
                  ) : null}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {preview.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {preview.headers.map((_, index) => (
                <td key={index} className={`max-w-56 truncate px-3 py-1.5 ${targets[index] === "ignore" ? "text-zinc-500 line-through" : "text-zinc-700"}`}>
                  {row[index] ?? ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
