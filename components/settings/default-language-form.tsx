"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { Field } from "@/components/forms/field";
import { fieldErrorsOf, readProblem } from "@/components/forms/problem";
import { SUPPORTED_LANGUAGES } from "@/lib/language/supported-languages";
import { tenantFetch } from "@/lib/http/tenant-fetch";
import { SettingsConflict, useSettingsConflict } from "@/components/settings/settings-conflict";
import { nameTheClinic } from "@/components/settings/name-the-clinic";

/** As GET /api/organizations/language answers: the language, and the section's version it is of. */
export interface DefaultLanguage {
  defaultLanguage: string;
  version: number;
}

/** Admins choose the language patients hear when their contact names none. */
export function DefaultLanguageForm({ initial, clinicName }: { initial: DefaultLanguage; clinicName: string }) {
  const router = useRouter();
  const [language, setLanguage] = useState(initial.defaultLanguage);
  // Sent with each save: refused (409) once someone saved the language since this form loaded it.
  const [version, setVersion] = useState(initial.version);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { conflict, showIfConflict, clearConflict } = useSettingsConflict();

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      const res = await tenantFetch("/api/organizations/language", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ defaultLanguage: language, version }),
      });
      if (!res.ok) {
        const problem = nameTheClinic(await readProblem(res), clinicName);
        setErrors(fieldErrorsOf(problem));
        showIfConflict(problem);
        toast.error("Language not saved", { description: problem.detail });
        return;
      }
      // The next save is over the version this one made.
      setVersion(((await res.json()) as DefaultLanguage).version);
      clearConflict();
      toast.success("Patient language saved", { description: "Calls placed from now on use it for contacts without a language of their own." });
      router.refresh();
    } catch (reason) {
      toast.error("Language not saved", { description: `Could not reach Callboard: ${String(reason)}` });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={save} className="space-y-4 px-5 py-4">
      <Field name="defaultLanguage" label="Default patient language" error={errors.defaultLanguage} hint="A contact’s own language, when set, wins over this.">
        {(control) => (
          <Select {...control} value={language} onChange={(e) => setLanguage(e.target.value)} className="max-w-sm">
            {SUPPORTED_LANGUAGES.map((l) => (
              <option key={l.tag} value={l.tag}>
                {l.label} ({l.tag})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <SettingsConflict conflict={conflict} />
      <Button type="submit" loading={saving}>
        Save language
      </Button>
    </form>
  );
}
