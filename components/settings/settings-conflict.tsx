"use client";

import { useCallback, useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Button } from "@/components/ui/button";
import type { Problem } from "@/components/forms/problem";

/** A save refused because someone saved the same settings section after this page loaded it (409 stale_settings). */
export const isSettingsConflict = (problem: Problem) => problem.code === "stale_settings";

type Conflict = { detail: string | undefined; attempt: number };

/**
 * A settings form's refused-save state: `showIfConflict(problem)` after a failed save shows the notice when the
 * cause is a conflict, `clearConflict()` after a save that went through hides it. The form keeps the version it loaded until the page is reloaded, so saving
 * again without reloading is refused again rather than overwriting the other person's change.
 */
export function useSettingsConflict() {
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const showIfConflict = useCallback((problem: Problem) => {
    if (isSettingsConflict(problem)) setConflict((c) => ({ detail: problem.detail, attempt: (c?.attempt ?? 0) + 1 }));
  }, []);
  const clearConflict = useCallback(() => setConflict(null), []);
  return { conflict, showIfConflict, clearConflict };
}

/** The refused save, in the form: what happened and the way out (a reload shows the other person's values). */
export function SettingsConflict({ conflict }: { conflict: Conflict | null }) {
  if (!conflict) return null;
  return (
    // A new key per refusal: focus comes back to the notice each time.
    <FormAlert key={conflict.attempt} focusOnMount>
      <p>{conflict.detail ?? "Someone else changed these settings after you opened this page. Reload the page."}</p>
      <Button type="button" variant="outline" size="sm" onClick={() => window.location.reload()}>
        Reload the page
      </Button>
    </FormAlert>
  );
}
