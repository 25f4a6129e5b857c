"use client";

import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Field } from "@/components/forms/field";
import { FormAlert } from "@/components/auth/form-alert";
import { fieldErrorsOf, readProblem, type Problem } from "@/components/forms/problem";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { sendJson } from "@/components/settings/send-json";
import { useConfirmAction } from "@/hooks/use-confirm-action";
import { toDoNotCallRow } from "@/components/settings/do-not-call-row";
import { tenantFetch } from "@/lib/http/tenant-fetch";
import type { DoNotCallSource } from "@/lib/generated/prisma/enums";

export interface DoNotCallRow {
  id: string;
  phoneNumber: string;
  /** The number as the clinic reads it. */
  shown: string;
  reason: string | null;
  source: DoNotCallSource;
  addedByEmail: string | null;
  /** "3 Dec 2026", in the clinic's zone. */
  addedOn: string;
  contactName: string | null;
}

const SOURCE_WORDS: Record<DoNotCallRow["source"], string> = {
  STAFF: "Added by staff",
  IMPORT: "Imported",
  AGENT_OPT_OUT: "Opted out during a call",
  CALL_ANALYSIS: "Opted out (found after the call)",
  NUMBER_CHANGED: "Carried over from the contact's old number",
};

interface ImportAnswer {
  added: number;
  alreadyListed: number;
  invalidRows: number;
  errors: { row: number; column?: string; message: string }[];
}

/**
 * The clinic's do-not-call list: every member can add a number (a patient's or not) and import a CSV;
 * only admins take a number off. The first page comes from the server; "Show more" walks the keyset.
 */
export function DoNotCallCard({
  initial,
  nextCursor: firstCursor,
  canRemove,
  clinic,
}: {
  initial: DoNotCallRow[];
  nextCursor: string | null;
  canRemove: boolean;
  clinic: { defaultCountry: string; timezone: string };
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [more, setMore] = useState<DoNotCallRow[]>([]);
  const [cursor, setCursor] = useState(firstCursor);
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<(Problem & { attempt: number }) | null>(null);
  const [importing, setImporting] = useState(false);
  const [importReport, setImportReport] = useState<(ImportAnswer & { message: string }) | null>(null);
  const errors = problem ? fieldErrorsOf(problem) : {};
  const rows = [...initial, ...more.filter((row) => !initial.some((first) => first.id === row.id))];

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSaving(true);
    setProblem(null);
    const result = await sendJson<{ added: boolean }>("/api/do-not-call", "POST", { phoneNumber: form.get("dncPhone"), reason: form.get("dncReason") });
    setSaving(false);
    if (!result.ok) {
      setProblem({ ...result.problem, attempt: Date.now() });
      return;
    }
    toast.success(result.data.added ? "Number added to the do-not-call list" : "That number was already on the list");
    formRef.current?.reset();
    setMore([]);
    router.refresh();
  }

  async function showMore() {
    if (!cursor) return;
    setLoading(true);
    try {
      const res = await tenantFetch(`/api/do-not-call?limit=50&cursor=${encodeURIComponent(cursor)}`);
      if (!res.ok) {
        toast.error("More numbers could not be loaded", { description: (await readProblem(res)).detail });
        return;
      }
      const page = (await res.json()) as { entries: Parameters<typeof toDoNotCallRow>[0][]; nextCursor: string | null };
      setMore((rows) => [...rows, ...page.entries.map((entry) => toDoNotCallRow(entry, clinic))]);
      setCursor(page.nextCursor);
    } catch {
      toast.error("More numbers could not be loaded", { description: "We couldn't reach Callboard. Check your connection and try again." });
    } finally {
      setLoading(false);
    }
  }

  async function importFile(file: File) {
    setImporting(true);
    setImportReport(null);
    const body = new FormData();
    body.set("file", file);
    body.set("mode", "valid_only");
    try {
      const res = await tenantFetch("/api/do-not-call/import", { method: "POST", body });
      if (!res.ok) {
        const failure = await readProblem(res);
        setImportReport({ added: 0, alreadyListed: 0, invalidRows: 0, errors: [], message: failure.detail ?? "The file could not be imported." });
        return;
      }
      const answer = (await res.json()) as ImportAnswer;
      setImportReport({
        ...answer,
        message: `${answer.added} added, ${answer.alreadyListed} already on the list${answer.invalidRows ? `, ${answer.invalidRows} rows not read` : ""}.`,
      });
      setMore([]);
      router.refresh();
    } catch {
      setImportReport({ added: 0, alreadyListed: 0, invalidRows: 0, errors: [], message: "We couldn't reach Callboard. Check your connection and try again." });
    } finally {
      setImporting(false);
    }
  }

  const remove = useConfirmAction<DoNotCallRow>(async (row) => {
    const result = await sendJson<null>(`/api/do-not-call/${row.id}`, "DELETE");
    if (!result.ok) return result.problem.detail ?? "The number was not removed. Try again.";
    toast.success(`${row.shown} taken off the do-not-call list`);
    setMore((rows) => rows.filter((r) => r.id !== row.id));
    router.refresh();
    return null;
  });

  return (
    <div className="space-y-4 px-5 py-4">
      <form ref={formRef} onSubmit={add} method="post" className="space-y-3" noValidate aria-label="Add a number to the do-not-call list">
        <div className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
          <Field name="dncPhone" label="Phone number" error={errors.phoneNumber}>
            {(control) => <Input {...control} type="tel" placeholder="0412 345 678" autoComplete="off" />}
          </Field>
          <Field name="dncReason" label="Reason (optional)" error={errors.reason}>
            {(control) => <Input {...control} placeholder="Asked not to be called" maxLength={500} autoComplete="off" />}
          </Field>
          <Button type="submit" loading={saving}>
            Add number
          </Button>
        </div>
        {problem && Object.keys(errors).length === 0 ? (
          <FormAlert key={problem.attempt} focusOnMount>
            <p>{problem.detail}</p>
          </FormAlert>
        ) : null}
      </form>

      <div className="flex flex-wrap items-center gap-3 text-sm">
        <Label htmlFor="dnc-import">Import a CSV (a phone column, optionally a reason):</Label>
        <input
          id="dnc-import"
          type="file"
          accept=".csv,text/csv"
          disabled={importing}
          className="text-sm"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void importFile(file);
            event.currentTarget.value = "";
          }}
        />
      </div>
      {importReport ? (
        <div role="status" className="rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm text-zinc-700">
          <p>{importReport.message}</p>
          {importReport.errors.length ? (
            <ul className="mt-2 list-disc pl-5 text-xs">
              {importReport.errors.slice(0, 20).map((error) => (
                <li key={`${error.row}-${error.column ?? ""}-${error.message}`}>
                  Row {error.row}
                  {error.column ? ` (${error.column})` : ""}: {error.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {rows.length === 0 ? (
        <p className="text-sm text-zinc-600">
          No number is on the list. Patients who ask not to be called are added here — by staff, by the agent during a call, or after a call.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200" aria-label="Do-not-call list">
          {rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <div>
                <p className="font-medium text-zinc-900 tabular-nums">
                  {row.shown} {row.contactName ? <span className="font-normal text-zinc-600">· {row.contactName}</span> : null}
                </p>
                <p className="text-xs text-zinc-600">
                  {SOURCE_WORDS[row.source]} on {row.addedOn}
                  {row.addedByEmail ? ` by ${row.addedByEmail}` : ""}
                  {row.reason ? ` — ${row.reason}` : ""}
                </p>
              </div>
              {canRemove ? (
                <Button variant="outline" size="sm" onClick={() => remove.ask(row)}>
                  Remove<span className="sr-only"> {row.shown}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {cursor ? (
        <Button variant="outline" size="sm" loading={loading} onClick={showMore}>
          Show more
        </Button>
      ) : null}

      <ConfirmDialog
        {...remove.dialog}
        title={`Take ${remove.target?.shown ?? "this number"} off the do-not-call list?`}
        description="Only do this if the patient asked to be called again. Callboard may then call the number in batches, callbacks and Call now."
        confirmLabel="Take it off"
        cancelLabel="Keep it listed"
      />
    </div>
  );
}
