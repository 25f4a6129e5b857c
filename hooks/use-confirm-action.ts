"use client";

import { useState } from "react";

/**
 * The state of a confirm dialog that acts on one row: which row is asked about, whether the action runs,
 * and the error it answered. `run` returns an error to show in the dialog, or null when done (it closes).
 * Spread `dialog` into <ConfirmDialog>.
 */
export function useConfirmAction<T>(run: (target: T) => Promise<string | null>) {
  const [target, setTarget] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function close() {
    setTarget(null);
    setError(null);
  }

  async function confirm() {
    if (target === null) return;
    setBusy(true);
    setError(null);
    const failure = await run(target);
    setBusy(false);
    if (failure === null) close();
    else setError(failure);
  }

  return {
    target,
    ask: setTarget,
    dialog: {
      open: target !== null,
      onOpenChange: (open: boolean) => {
        if (!open) close();
      },
      busy,
      error,
      onConfirm: () => void confirm(),
    },
  };
}
