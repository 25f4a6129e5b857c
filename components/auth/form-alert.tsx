import type { ReactNode } from "react";
import { AlertCircle } from "lucide-react";

/**
 * A form-level error, announced when it appears. With `focusOnMount` it also takes focus (and so
 * scrolls into view), for errors that belong to no single field; remount it (a new `key`) per attempt.
 */
export function FormAlert({ children, focusOnMount = false }: { children: ReactNode; focusOnMount?: boolean }) {
  return (
    <div
      role="alert"
      tabIndex={focusOnMount ? -1 : undefined}
      ref={focusOnMount ? (el) => el?.focus() : undefined}
      className="flex scroll-mt-6 gap-2.5 rounded-md border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800 focus:outline-none"
    >
      <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      <div className="min-w-0 space-y-1">{children}</div>
    </div>
  );
}
