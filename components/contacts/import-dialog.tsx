"use client";

import { useState, type ChangeEvent, type DragEvent } from "react";
import { FileUp, Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormAlert } from "@/components/auth/form-alert";
import { cn } from "@/components/ui/cn";
import { guessColumnTargets, resolveColumnMapping, type ColumnTarget } from "@/lib/contacts/import/column-mapping";
import type { ImportReport } from "@/lib/contacts/import/import-contacts";
import { IMPORT_MAX_COLUMNS, IMPORT_MAX_MEGABYTES, IMPORT_MAX_ROWS } from "@/lib/contacts/import/limits";
import { readCsvPreview, type CsvPreview } from "@/components/contacts/import/csv-preview";
import { ImportCounts, ImportReview } from "@/components/contacts/import/import-summary";
import { MappingTable } from "@/components/contacts/import/mapping-table";
import { sendImport } from "@/components/contacts/import/send-import";

const EXAMPLE_CSV =
  "name,phone,email,business_name,business_website,timezone,do_not_call,appointment_type,preferred_doctor\r\n" +
  "Jane Citizen,0491 570 156,jane@example.com,,,,no,annual check-up,Dr Emily Carter\r\n" +
  "Sam Nguyen,+61 491 570 110,,Newtown Bakery,newtownbakery.example.com,Australia/Perth,no,flu vaccination,\r\n";

type Loaded = { file: File; preview: CsvPreview; targets: ColumnTarget[] };
type Step =
  | { step: "choose"; error?: string; reading?: boolean }
  | (Loaded & { step: "map"; error?: string })
  | (Loaded & { step: "checking"; progress: number })
  | (Loaded & { step: "review"; report: ImportReport; error?: string })
  | (Loaded & { step: "importing"; progress: number; rows: number })
  | { step: "done"; report: ImportReport };

const n = (value: number) => value.toLocaleString("en");

function Progress({ label, value }: { label: string; value: number | null }) {
  return (
    <div className="space-y-2" role="status">
      <div className="flex items-center gap-2 text-sm text-zinc-700">
        <Loader2 className="size-4 animate-spin text-brand-600" aria-hidden="true" />
        {label}
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value === null ? undefined : Math.round(value * 100)}
        className="h-2 overflow-hidden rounded-full bg-zinc-100"
      >
        <div
          className={cn("h-full rounded-full bg-brand-600 transition-[width]", value === null && "w-1/3 animate-pulse")}
          style={value === null ? undefined : { width: `${Math.max(4, value * 100)}%` }}
        />
      </div>
    </div>
  );
}

/**
 * CSV import in four steps: choose a file, check the columns on its first rows, let the server check
 * every row (a dry run: nothing is written), then import — everything, or only the valid rows.
 */
export function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const [state, setState] = useState<Step>({ step: "choose" });
  const [dragging, setDragging] = useState(false);
  const busy = state.step === "checking" || state.step === "importing";

  async function load(file: File | undefined) {
    if (!file) return;
    setState({ step: "choose", reading: true });
    try {
      const preview = await readCsvPreview(file);
      setState({ step: "map", file, preview, targets: guessColumnTargets(preview.headers) });
    } catch (error) {
      setState({ step: "choose", error: error instanceof Error ? error.message : "The file could not be read." });
    }
  }

  async function check(loaded: Loaded) {
    setState({ ...loaded, step: "checking", progress: 0 });
    const answer = await sendImport(loaded.file, { targets: loaded.targets, mode: "all_or_nothing", dryRun: true }, (progress) =>
      setState((s) => (s.step === "checking" ? { ...s, progress } : s)),
    );
    if (answer.ok) setState({ ...loaded, step: "review", report: answer.report });
    else setState({ ...loaded, step: "map", error: answer.problem.detail });
  }

  async function run(loaded: Loaded, report: ImportReport) {
    const mode = report.invalidRows > 0 ? "valid_only" : "all_or_nothing";
    setState({ ...loaded, step: "importing", progress: 0, rows: report.validRows });
    const answer = await sendImport(loaded.file, { targets: loaded.targets, mode, dryRun: false }, (progress) =>
      setState((s) => (s.step === "importing" ? { ...s, progress } : s)),
    );
    if (answer.ok) {
      setState({ step: "done", report: answer.report });
      onImported();
    } else {
      setState({ ...loaded, step: "review", report: answer.report ?? report, error: `${answer.problem.detail ?? "The import failed."} Nothing was imported.` });
    }
  }

  const mapping = state.step === "map" ? resolveColumnMapping(state.preview.headers, state.targets) : null;

  return (
    <Dialog open onOpenChange={(open) => (open || busy ? null : onClose())}>
      <DialogContent
        className="max-h-[calc(100dvh-2rem)] grid-cols-[minmax(0,1fr)] overflow-y-auto sm:max-w-4xl"
        onEscapeKeyDown={(event) => (busy ? event.preventDefault() : undefined)}
        hideClose={busy}
      >
        <DialogHeader>
          <DialogTitle>Import contacts from CSV</DialogTitle>
          <DialogDescription>
            {state.step === "choose"
              ? "A spreadsheet saved as CSV, with the column names in the first row."
              : state.step === "map" || state.step === "checking"
                ? `${"file" in state ? state.file.name : ""}: check what each column holds. Unrecognised columns become custom fields the voice agent can use.`
                : state.step === "done"
                  ? "Your contacts are in."
                  : `${"file" in state ? state.file.name : ""}: every row was checked. Nothing has been imported yet.`}
          </DialogDescription>
        </DialogHeader>

        {state.step === "choose" ? (
          <div className="space-y-4">
            {state.error ? (
              <FormAlert key={state.error} focusOnMount>
                <p>{state.error}</p>
              </FormAlert>
            ) : null}
            <label
              htmlFor="import-file"
              onDragOver={(event: DragEvent) => {
                event.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(event: DragEvent) => {
                event.preventDefault();
                setDragging(false);
                void load(event.dataTransfer.files[0]);
              }}
              className={cn(
                "flex cursor-pointer flex-col items-center rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors focus-within:border-brand-600",
                dragging ? "border-brand-600 bg-brand-50" : "border-zinc-300 hover:border-zinc-400",
              )}
            >
              {state.reading ? (
                <Loader2 className="size-7 animate-spin text-brand-600" aria-hidden="true" />
              ) : (
                <FileUp className="size-7 text-zinc-400" aria-hidden="true" />
              )}
              <span className="mt-3 text-sm font-medium text-zinc-900">{state.reading ? "Reading the file…" : "Choose a CSV file or drop it here"}</span>
              <span className="mt-1 text-xs text-zinc-500">
                Up to {IMPORT_MAX_MEGABYTES} MB, {n(IMPORT_MAX_ROWS)} rows and {IMPORT_MAX_COLUMNS} columns. Comma, semicolon or tab separated.
              </span>
              <input
                id="import-file"
                type="file"
                accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
                className="sr-only"
                aria-label="CSV file"
                disabled={state.reading}
                onChange={(event: ChangeEvent<HTMLInputElement>) => {
                  void load(event.target.files?.[0]);
                  event.target.value = "";
                }}
              />
            </label>
            <div className="rounded-md bg-zinc-50 px-4 py-3 text-xs leading-5 text-zinc-600">
              <p>
                Columns we recognise: <code className="font-mono">name</code> (or <code className="font-mono">first_name</code> +{" "}
                <code className="font-mono">last_name</code>), <code className="font-mono">phone</code>, <code className="font-mono">email</code>,{" "}
                <code className="font-mono">business_name</code>, <code className="font-mono">business_website</code>,{" "}
                <code className="font-mono">timezone</code>, <code className="font-mono">language</code> (en-AU, hi-IN, …),{" "}
                <code className="font-mono">do_not_call</code>. Any other column becomes a custom field. A phone number already in your contacts updates that
                contact.
              </p>
              <a
                href={`data:text/csv;charset=utf-8,${encodeURIComponent(EXAMPLE_CSV)}`}
                download="callboard-contacts-example.csv"
                className="mt-1 inline-block font-medium text-brand-700 underline-offset-4 hover:underline"
              >
                Download an example file
              </a>
            </div>
          </div>
        ) : null}

        {state.step === "map" || state.step === "checking" ? (
          <div className="space-y-4">
            {state.step === "map" && (state.error || (mapping && !mapping.ok)) ? (
              <FormAlert key={state.error ?? "mapping"}>
                <p>{state.error ?? (mapping && !mapping.ok ? mapping.message : "")}</p>
              </FormAlert>
            ) : null}
            <MappingTable
              preview={state.preview}
              targets={state.targets}
              onChange={(targets) => setState((s) => (s.step === "map" ? { ...s, targets, error: undefined } : s))}
            />
            <p className="text-xs text-zinc-500">The first {state.preview.rows.length} rows of the file. Every row is checked in the next step.</p>
            {state.step === "checking" ? (
              <Progress label={state.progress < 1 ? "Uploading the file…" : "Checking every row…"} value={state.progress < 1 ? state.progress : null} />
            ) : null}
          </div>
        ) : null}

        {state.step === "review" || state.step === "importing" ? (
          <div className="space-y-4">
            {state.step === "review" && state.error ? (
              <FormAlert key={state.error} focusOnMount>
                <p>{state.error}</p>
              </FormAlert>
            ) : null}
            {state.step === "review" ? (
              <ImportReview report={state.report} />
            ) : (
              <Progress
                label={state.progress < 1 ? "Uploading the file…" : `Saving ${n(state.rows)} contacts…`}
                value={state.progress < 1 ? state.progress : null}
              />
            )}
          </div>
        ) : null}

        {state.step === "done" ? (
          <div className="space-y-3" role="status">
            <p className="text-sm text-zinc-800">
              Import complete: {n(state.report.created)} created, {n(state.report.updated)} updated
              {state.report.unchanged ? ` (${n(state.report.unchanged)} already up to date)` : ""}, {n(state.report.skipped)} skipped.
            </p>
            <ImportCounts
              items={[
                { label: "Created", value: state.report.created },
                { label: "Updated", value: state.report.updated },
                ...(state.report.unchanged ? [{ label: "Already up to date", value: state.report.unchanged }] : []),
                { label: "Skipped", value: state.report.skipped, tone: "warning" as const },
              ]}
            />
          </div>
        ) : null}

        <DialogFooter>
          {state.step === "choose" ? (
            <Button variant="outline" onClick={onClose}>
              Cancel
            </Button>
          ) : null}
          {state.step === "map" || state.step === "checking" ? (
            <>
              <Button variant="outline" onClick={() => setState({ step: "choose" })} disabled={busy}>
                Choose another file
              </Button>
              <Button onClick={() => state.step === "map" && check(state)} loading={state.step === "checking"} disabled={!mapping?.ok && state.step === "map"}>
                Check the rows
              </Button>
            </>
          ) : null}
          {state.step === "review" || state.step === "importing" ? (
            <>
              <Button
                variant="outline"
                disabled={busy}
                onClick={() => state.step === "review" && setState({ step: "map", file: state.file, preview: state.preview, targets: state.targets })}
              >
                Back to columns
              </Button>
              {state.step === "importing" || state.report.validRows > 0 ? (
                <Button onClick={() => state.step === "review" && run(state, state.report)} loading={state.step === "importing"}>
                  {state.step === "importing"
                    ? "Importing…"
                    : state.report.invalidRows > 0
                      ? `Import ${n(state.report.validRows)} valid rows, skip ${n(state.report.invalidRows)}`
                      : `Import ${n(state.report.validRows)} contacts`}
                </Button>
              ) : null}
            </>
          ) : null}
          {state.step === "done" ? <Button onClick={onClose}>Done</Button> : null}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
