"use client";

import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toSnakeCase } from "@/lib/text/snake-case";

export interface CustomFieldDraft {
  id: number;
  key: string;
  value: string;
}

let nextId = 0;
export const newCustomField = (key = "", value = ""): CustomFieldDraft => ({ id: nextId++, key, value });

/**
 * Custom fields as name/value rows. Names are saved in snake_case — the name the voice agent reads
 * them by ({{appointment_type}}) — and the row says so whenever that differs from what was typed.
 */
export function CustomFieldsEditor({
  fields,
  onChange,
  error,
}: {
  fields: CustomFieldDraft[];
  onChange: (fields: CustomFieldDraft[]) => void;
  error?: string;
}) {
  const update = (id: number, patch: Partial<CustomFieldDraft>) => onChange(fields.map((field) => (field.id === id ? { ...field, ...patch } : field)));
  return (
    <fieldset aria-describedby={error ? "custom-fields-error" : "custom-fields-hint"}>
      <legend className="text-sm font-medium text-zinc-800">Custom fields</legend>
      <p id="custom-fields-hint" className="mt-0.5 text-xs text-zinc-500">
        Anything the voice agent should know, such as appointment_type or preferred_doctor.
      </p>
      {fields.length ? (
        <div className="mt-2 space-y-2">
          {fields.map((field, index) => {
            const key = toSnakeCase(field.key);
            const renamed = field.key.trim() && key !== field.key.trim();
            return (
              <div key={field.id}>
                <div className="flex items-start gap-2">
                  <Input
                    aria-label={`Custom field ${index + 1} name`}
                    placeholder="Field name"
                    value={field.key}
                    onChange={(e) => update(field.id, { key: e.target.value })}
                    className="flex-2 font-mono text-[13px]"
                    maxLength={200}
                  />
                  <Input
                    aria-label={`Custom field ${index + 1} value`}
                    placeholder="Value"
                    value={field.value}
                    onChange={(e) => update(field.id, { value: e.target.value })}
                    className="flex-3"
                    maxLength={2000}
                  />
                  <Button
                    variant="ghost"
                    size="icon"
                    onClick={() => onChange(fields.filter((f) => f.id !== field.id))}
                    aria-label={`Remove custom field ${index + 1}`}
                  >
                    <X aria-hidden="true" />
                  </Button>
                </div>
                {renamed ? (
                  <p className="mt-1 text-xs text-zinc-500">
                    {key ? (
                      <>
                        Saved as <code className="font-mono text-zinc-700">{key}</code>
                      </>
                    ) : (
                      "Use letters or digits in the name."
                    )}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
      ) : null}
      {error ? (
        <p id="custom-fields-error" className="mt-1.5 text-xs text-red-700">
          {error}
        </p>
      ) : null}
      <Button variant="outline" size="sm" className="mt-2" onClick={() => onChange([...fields, newCustomField()])}>
        <Plus aria-hidden="true" />
        Add field
      </Button>
    </fieldset>
  );
}
