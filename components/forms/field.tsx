import type { ReactNode } from "react";
import { FieldMessage, Label } from "@/components/ui/label";

export interface FieldControlProps {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** Label, control and hint-or-error, wired together so the error is read with the control. */
export function Field({
  name,
  label,
  error,
  hint,
  children,
}: {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = `field-${name}`;
  const messageId = error || hint ? `${id}-message` : undefined;
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <div className="mt-1.5">{children({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": messageId })}</div>
      {messageId ? <FieldMessage id={messageId} error={error} hint={hint} /> : null}
    </div>
  );
}
