import type { FieldIssue } from "@/lib/errors";
import { toSnakeCase } from "@/lib/text/snake-case";

export const CUSTOM_FIELDS_MAX = 50;
export const CUSTOM_FIELD_KEY_MAX = 64;
export const CUSTOM_FIELD_VALUE_MAX = 2_000;

/**
 * The key a custom field is stored under: the snake_case the voice agent reads it by
 * ("Appointment Type" → appointment_type, used as {{appointment_type}} in the agent's prompt).
 */
export const customFieldKey = toSnakeCase;

export type CustomFieldsResult = { ok: true; fields: Record<string, string> } | { ok: false; issues: FieldIssue[] };

type RawValue = string | number | boolean | null | undefined;

/** A field's name as typed, its key, and why that key cannot be used (when it cannot). */
export interface CustomFieldName {
  label: string;
  key: string;
  issue?: string;
}

/** Reads a field's name into its key once (a CSV import does it per column, not per row). */
export function readCustomFieldName(rawKey: string): CustomFieldName {
  const label = rawKey.trim();
  const key = customFieldKey(label);
  if (!key) return { label, key, issue: label ? `"${label}" has no letters or digits to name the field by.` : "Give this custom field a name." };
  if (key.length > CUSTOM_FIELD_KEY_MAX) return { label, key, issue: `The field name "${label}" is longer than ${CUSTOM_FIELD_KEY_MAX} characters.` };
  return { label, key };
}

/**
 * Normalizes custom fields as staff or a CSV give them: keys to snake_case, values to trimmed strings
 * (numbers and booleans written out; empty values dropped, so a blank cell never stores ""). Two
 * names that end up as the same key, a name with nothing usable in it, and sizes over the limits are
 * reported by the name as it was typed. An entry may bring its name already read (`name`).
 */
export function normalizeCustomFields(input: Record<string, RawValue> | Array<{ key: string; value: RawValue; name?: CustomFieldName }>): CustomFieldsResult {
  const entries = Array.isArray(input)
    ? input.map(({ key, value, name }) => [key, value, name] as const)
    : Object.entries(input).map(([key, value]) => [key, value, undefined] as const);
  const fields: Record<string, string> = {};
  const seenFrom = new Map<string, string>();
  const issues: FieldIssue[] = [];
  for (const [rawKey, rawValue, known] of entries) {
    const value = rawValue === null || rawValue === undefined ? "" : String(rawValue).trim();
    const label = known?.label ?? rawKey.trim();
    if (!label && !value) continue;
    const { key, issue } = known ?? readCustomFieldName(label);
    const path = `customFields.${label || "(no name)"}`;
    if (issue) {
      issues.push({ path, message: issue });
      continue;
    }
    const earlier = seenFrom.get(key);
    if (earlier !== undefined) {
      issues.push({ path, message: `"${earlier}" and "${label}" would both be saved as ${key}. Rename one of them.` });
      continue;
    }
    seenFrom.set(key, label);
    if (value.length > CUSTOM_FIELD_VALUE_MAX) {
      issues.push({ path, message: `The value of ${key} is longer than ${CUSTOM_FIELD_VALUE_MAX.toLocaleString("en")} characters.` });
      continue;
    }
    if (value) fields[key] = value;
  }
  if (Object.keys(fields).length > CUSTOM_FIELDS_MAX) {
    issues.push({ path: "customFields", message: `A contact can have at most ${CUSTOM_FIELDS_MAX} custom fields.` });
  }
  return issues.length ? { ok: false, issues } : { ok: true, fields };
}

/** A stored customFields JSON value read back as a plain string map (anything else is ignored). */
export function readCustomFields(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const fields: Record<string, string> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === "string") fields[key] = v;
    else if (typeof v === "number" || typeof v === "boolean") fields[key] = String(v);
  }
  return fields;
}
