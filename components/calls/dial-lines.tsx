"use client";

import { createContext, useContext, type ReactNode } from "react";
import Link from "next/link";
import { Field } from "@/components/forms/field";
import { Select } from "@/components/ui/input";

/** One of the clinic's own agents or numbers: the ElevenLabs id to send, and how staff know it. */
export interface DialLineOption {
  value: string;
  label: string;
  /** The agent id, or the number itself. */
  detail: string;
}

/** The agents and numbers a call may use: only the clinic's registered ones, and its defaults. */
export interface DialLines {
  agents: DialLineOption[];
  phoneNumbers: DialLineOption[];
  defaultAgentId: string | null;
  defaultPhoneNumberId: string | null;
}

const NO_LINES: DialLines = { agents: [], phoneNumbers: [], defaultAgentId: null, defaultPhoneNumberId: null };
const DialLinesContext = createContext<DialLines>(NO_LINES);

/** Server pages hand the clinic's lines down once; every call dialog under it reads them. */
export function DialLinesProvider({ lines, children }: { lines: DialLines; children: ReactNode }) {
  return <DialLinesContext value={lines}>{children}</DialLinesContext>;
}

export function useDialLines(): DialLines {
  return useContext(DialLinesContext);
}

/** The value a select starts at: the default when it is still one of the clinic's own, else nothing chosen. */
export function initialChoice(options: DialLineOption[], preferred: string | null | undefined): string {
  return preferred && options.some((option) => option.value === preferred) ? preferred : "";
}

function LineSelect(props: {
  name: string;
  label: string;
  options: DialLineOption[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
  defaultValue: string | null;
  noun: string;
  scope: string;
}) {
  const { options, value, defaultValue, noun } = props;
  const hint =
    options.length === 0
      ? `No ${noun} is registered yet: an admin adds one in Settings.`
      : defaultValue && value === defaultValue
        ? `The clinic’s default; choose another for ${props.scope} only.`
        : defaultValue && !options.some((o) => o.value === defaultValue)
          ? `The clinic’s default ${noun} is no longer registered: choose one.`
          : `One of the clinic’s own, registered in Settings.`;
  return (
    <Field name={props.name} label={props.label} error={props.error} hint={hint}>
      {(control) => (
        <Select {...control} value={value} onChange={(e) => props.onChange(e.target.value)} disabled={options.length === 0}>
          {value === "" ? <option value="">Choose {noun === "agent" ? "an agent" : "a number"}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label} ({option.detail}){option.value === defaultValue ? " — default" : ""}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/**
 * The agent and number selects of the call and schedule dialogs: a choice among the clinic's own,
 * the default preselected. The server still checks ownership (a line removed meanwhile is a 422).
 */
export function DialLineFields({
  lines,
  agentId,
  phoneNumberId,
  onAgentChange,
  onPhoneNumberChange,
  errors,
  scope,
}: {
  lines: DialLines;
  agentId: string;
  phoneNumberId: string;
  onAgentChange: (value: string) => void;
  onPhoneNumberChange: (value: string) => void;
  errors: { agentId?: string; agentPhoneNumberId?: string };
  /** "this call", "these calls". */
  scope: string;
}) {
  return (
    <>
      <LineSelect
        name="agentId"
        label="Agent"
        noun="agent"
        options={lines.agents}
        value={agentId}
        onChange={onAgentChange}
        error={errors.agentId}
        defaultValue={lines.defaultAgentId}
        scope={scope}
      />
      <LineSelect
        name="agentPhoneNumberId"
        label="Phone number"
        noun="phone number"
        options={lines.phoneNumbers}
        value={phoneNumberId}
        onChange={onPhoneNumberChange}
        error={errors.agentPhoneNumberId}
        defaultValue={lines.defaultPhoneNumberId}
        scope={scope}
      />
      {lines.agents.length === 0 || lines.phoneNumbers.length === 0 ? (
        <p className="text-sm text-zinc-600 sm:col-span-2">
          Calls need a registered agent and phone number.{" "}
          <Link href="/settings" className="font-medium text-brand-700 underline">
            Open Settings
          </Link>
        </p>
      ) : null}
    </>
  );
}
