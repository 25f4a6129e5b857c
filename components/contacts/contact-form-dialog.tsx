"use client";

import { useMemo, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input, Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Field } from "@/components/forms/field";
import { FormAlert } from "@/components/auth/form-alert";
import { fieldErrorsOf, readProblem } from "@/components/forms/problem";
import { CustomFieldsEditor, newCustomField, type CustomFieldDraft } from "@/components/contacts/custom-fields-editor";
import type { EditableContact } from "@/components/contacts/types";
import { SUPPORTED_LANGUAGES, languageLabel } from "@/lib/language/supported-languages";
import { tenantFetch } from "@/lib/http/tenant-fetch";

const FIELD_ORDER = [
  "name",
  "phoneNumber",
  "email",
  "businessName",
  "businessWebsite",
  "timezone",
  "language",
  "consentBasis",
  "consentSource",
  "consentDate",
  "doNotCallReason",
];

interface Draft {
  name: string;
  phoneNumber: string;
  email: string;
  businessName: string;
  businessWebsite: string;
  timezone: string;
  language: string;
  doNotCall: boolean;
  doNotCallReason: string;
  consentBasis: string;
  consentSource: string;
  consentDate: string;
}

function draftOf(contact: EditableContact | null): Draft {
  return {
    name: contact?.name ?? "",
    phoneNumber: contact?.phoneDisplay ?? contact?.phoneNumber ?? "",
    email: contact?.email ?? "",
    businessName: contact?.businessName ?? "",
    businessWebsite: contact?.businessWebsite ?? "",
    timezone: contact?.timezone ?? "",
    language: contact?.language ?? "",
    doNotCall: contact?.doNotCall ?? false,
    doNotCallReason: contact?.doNotCallReason ?? "",
    consentBasis: contact?.consentBasis ?? "",
    consentSource: contact?.consentSource ?? "",
    consentDate: contact?.consentDate?.slice(0, 10) ?? "",
  };
}

function useTimeZones(): string[] {
  return useMemo(() => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []), []);
}

type FormError = { message: string; existing?: { id: string; name: string }; requestId?: string };

/** Create or edit one contact. Field errors come from the server, in its words, beside their fields. */
export function ContactFormDialog({
  contact,
  country,
  clinicTimezone,
  clinicLanguage,
  onClose,
  onSaved,
  onOpenExisting,
  onDelete,
}: {
  contact: EditableContact | null;
  country: string;
  clinicTimezone: string;
  /** The clinic's default patient language (BCP 47), what an empty choice means. */
  clinicLanguage: string;
  onClose: () => void;
  onSaved: () => void;
  onOpenExisting: (contact: EditableContact) => void;
  onDelete: (contact: EditableContact) => void;
}) {
  const editing = contact !== null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(contact));
  const [customFields, setCustomFields] = useState<CustomFieldDraft[]>(() =>
    Object.entries(contact?.customFields ?? {}).map(([key, value]) => newCustomField(key, value)),
  );
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<FormError | null>(null);
  const [saving, setSaving] = useState(false);
  const [opening, setOpening] = useState(false);
  const timeZones = useTimeZones();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setSaving(true);
    setFieldErrors({});
    setFormError(null);
    // The tick is sent only when it changed (always for a new contact): a tick left alone says nothing, so
    // a new number of a listed contact is listed too (the server carries the entry over), and an admin
    // giving a contact a number already on the list does not take it off by an untouched box.
    const tickChanged = !editing || draft.doNotCall !== contact.doNotCall;
    const body = {
      ...draft,
      doNotCall: tickChanged ? draft.doNotCall : undefined,
      timezone: draft.timezone || null,
      language: draft.language || null,
      doNotCallReason: tickChanged && draft.doNotCall ? draft.doNotCallReason : undefined,
      consentBasis: draft.consentBasis || null,
      consentSource: draft.consentSource || null,
      consentDate: draft.consentDate || null,
      customFields: customFields.map(({ key, value }) => ({ key, value })),
    };
    try {
      const res = await tenantFetch(editing ? `/api/contacts/${encodeURIComponent(contact.id)}` : "/api/contacts", {
        method: editing ? "PATCH" : "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) {
        const problem = await readProblem(res.clone());
        const extra = (await res.json().catch(() => ({}))) as { existingContact?: { id: string; name: string } };
        const errors = fieldErrorsOf(problem);
        setFieldErrors(errors);
        const existing = problem.code === "conflict" && extra.existingContact?.id !== contact?.id ? extra.existingContact : undefined;
        if (existing || !Object.keys(errors).length) {
          setFormError({
            message: problem.detail ?? "The contact was not saved. Try again.",
            existing,
            requestId: problem.code === "internal" ? problem.requestId : undefined,
          });
        }
        const first = FIELD_ORDER.find((f) => errors[f]);
        if (first) (form.elements.namedItem(first) as HTMLElement | null)?.focus();
        return;
      }
      const answer = (await res.json().catch(() => ({}))) as { doNotCallCarriedOver?: { fromPhoneNumber: string } | null };
      if (answer.doNotCallCarriedOver) {
        toast.success(`Saved ${draft.name.trim()}: the new number is on the do-not-call list too`, {
          description: "The old number was on it, so Callboard won't call the new one either. Only an admin can take it off.",
        });
      } else toast.success(editing ? `Saved ${draft.name.trim()}` : `Added ${draft.name.trim()}`);
      onSaved();
      onClose();
    } catch {
      setFormError({ message: "We couldn't reach Callboard. Check your connection and try again." });
    } finally {
      setSaving(false);
    }
  }

  async function openExisting(id: string) {
    setOpening(true);
    try {
      const res = await tenantFetch(`/api/contacts/${encodeURIComponent(id)}`);
      if (!res.ok) {
        const problem = await readProblem(res);
        toast.error(
          problem.status === 404 ? "That contact could not be opened. It may have just been deleted." : (problem.detail ?? "That contact could not be opened."),
        );
        setOpening(false);
        return;
      }
      const { contact: existing } = (await res.json()) as { contact: EditableContact };
      onOpenExisting(existing);
    } catch {
      toast.error("That contact could not be opened. Check your connection and try again.");
      setOpening(false);
    }
  }

  return (
    <Dialog open onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] grid-cols-[minmax(0,1fr)] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{editing ? `Edit ${contact.name}` : "New contact"}</DialogTitle>
          <DialogDescription>Local numbers are read as {country} numbers and saved in international format.</DialogDescription>
        </DialogHeader>
        <form id="contact-form" onSubmit={onSubmit} className="space-y-4" noValidate>
          {formError ? (
            <FormAlert key={formError.message} focusOnMount={!formError.existing}>
              <p>{formError.message}</p>
              {formError.existing ? (
                <p>
                  <Button variant="outline" size="sm" loading={opening} onClick={() => openExisting(formError.existing!.id)}>
                    Open {formError.existing.name}
                  </Button>
                </p>
              ) : null}
              {formError.requestId ? <p className="text-xs">Reference: {formError.requestId}</p> : null}
            </FormAlert>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field name="name" label="Name" error={fieldErrors.name}>
              {(p) => <Input {...p} value={draft.name} onChange={(e) => set("name", e.target.value)} autoComplete="off" required maxLength={200} autoFocus />}
            </Field>
            <Field
              name="phoneNumber"
              label="Phone"
              error={fieldErrors.phoneNumber}
              hint={
                fieldErrors.phoneNumber
                  ? undefined
                  : editing && contact.doNotCall
                    ? "This number is on the do-not-call list: a new number goes on it too."
                    : country === "AU"
                      ? "For example 0412 345 678 or +61 412 345 678."
                      : "Local format or + and the country code."
              }
            >
              {(p) => (
                <Input
                  {...p}
                  type="tel"
                  value={draft.phoneNumber}
                  onChange={(e) => set("phoneNumber", e.target.value)}
                  autoComplete="off"
                  required
                  maxLength={40}
                  className="tabular-nums"
                />
              )}
            </Field>
            <Field name="email" label="Email (optional)" error={fieldErrors.email}>
              {(p) => <Input {...p} type="email" value={draft.email} onChange={(e) => set("email", e.target.value)} autoComplete="off" maxLength={254} />}
            </Field>
            <Field name="timezone" label="Time zone (optional)" error={fieldErrors.timezone} hint="Only if the patient lives in another zone than the clinic.">
              {(p) => (
                <Select {...p} value={draft.timezone} onChange={(e) => set("timezone", e.target.value)}>
                  <option value="">Clinic’s zone ({clinicTimezone.replaceAll("_", " ")})</option>
                  {draft.timezone && !timeZones.includes(draft.timezone) ? <option value={draft.timezone}>{draft.timezone}</option> : null}
                  {timeZones.map((zone) => (
                    <option key={zone} value={zone}>
                      {zone.replaceAll("_", " ")}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field name="language" label="Language" error={fieldErrors.language} hint="The agent greets the patient and says dates and times in this language.">
              {(p) => (
                <Select {...p} value={draft.language} onChange={(e) => set("language", e.target.value)}>
                  <option value="">Clinic’s default ({languageLabel(clinicLanguage)})</option>
                  {draft.language && !SUPPORTED_LANGUAGES.some((l) => l.tag === draft.language) ? (
                    <option value={draft.language}>{draft.language}</option>
                  ) : null}
                  {SUPPORTED_LANGUAGES.map((l) => (
                    <option key={l.tag} value={l.tag}>
                      {l.label} ({l.tag})
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field name="businessName" label="Business name (optional)" error={fieldErrors.businessName}>
              {(p) => <Input {...p} value={draft.businessName} onChange={(e) => set("businessName", e.target.value)} autoComplete="off" maxLength={200} />}
            </Field>
            <Field name="businessWebsite" label="Business website (optional)" error={fieldErrors.businessWebsite}>
              {(p) => (
                <Input
                  {...p}
                  type="url"
                  inputMode="url"
                  value={draft.businessWebsite}
                  onChange={(e) => set("businessWebsite", e.target.value)}
                  autoComplete="off"
                  placeholder="example.com"
                  maxLength={500}
                />
              )}
            </Field>
          </div>

          <fieldset className="grid gap-4 rounded-md border border-zinc-200 p-3 sm:grid-cols-3">
            <legend className="px-1 text-sm font-medium text-zinc-900">Consent to be called</legend>
            <Field name="consentBasis" label="Agreed to" error={fieldErrors.consentBasis}>
              {(p) => (
                <Select {...p} value={draft.consentBasis} onChange={(e) => set("consentBasis", e.target.value)}>
                  <option value="">Not recorded</option>
                  <option value="CARE_REMINDERS">Care reminders</option>
                  <option value="MARKETING">Marketing</option>
                  <option value="NONE">None</option>
                </Select>
              )}
            </Field>
            <Field name="consentSource" label="How (optional)" error={fieldErrors.consentSource}>
              {(p) => (
                <Input {...p} value={draft.consentSource} onChange={(e) => set("consentSource", e.target.value)} placeholder="Intake form" maxLength={200} />
              )}
            </Field>
            <Field name="consentDate" label="When (optional)" error={fieldErrors.consentDate}>
              {(p) => <Input {...p} type="date" value={draft.consentDate} onChange={(e) => set("consentDate", e.target.value)} />}
            </Field>
          </fieldset>

          <div className="rounded-md border border-zinc-200 p-3">
            <div className="flex items-center gap-2">
              <Checkbox id="field-doNotCall" name="doNotCall" checked={draft.doNotCall} onChange={(e) => set("doNotCall", e.target.checked)} />
              <Label htmlFor="field-doNotCall">Do not call this contact</Label>
            </div>
            <p className="mt-1 ml-6 text-xs text-zinc-500">
              Puts the number on the clinic’s do-not-call list (Settings): nobody calls it, not even a batch already scheduled. Only an admin can take it off;
              imports can’t.
            </p>
            {draft.doNotCall ? (
              <div className="mt-3 ml-6">
                <Field name="doNotCallReason" label="Reason (optional)" error={fieldErrors.doNotCallReason}>
                  {(p) => (
                    <Input
                      {...p}
                      value={draft.doNotCallReason}
                      onChange={(e) => set("doNotCallReason", e.target.value)}
                      placeholder="Asked not to be called"
                      maxLength={500}
                    />
                  )}
                </Field>
              </div>
            ) : null}
          </div>

          <CustomFieldsEditor fields={customFields} onChange={setCustomFields} error={fieldErrors.customFields} />
        </form>
        <DialogFooter className="sm:justify-between">
          {editing ? (
            <Button variant="ghost" className="text-red-700 hover:bg-red-50 hover:text-red-800" onClick={() => onDelete(contact)}>
              Delete contact
            </Button>
          ) : (
            <span />
          )}
          <div className="flex flex-col-reverse gap-2 sm:flex-row">
            <Button variant="outline" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" form="contact-form" loading={saving}>
              {editing ? "Save changes" : "Add contact"}
            </Button>
          </div>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
