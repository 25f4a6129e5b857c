"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { readProblem } from "@/components/forms/problem";
import { tenantFetch } from "@/lib/http/tenant-fetch";

export type BatchAction = "pause" | "resume" | "retry";

const WORDS: Record<BatchAction, { label: string; title: (name: string) => string; description: string; confirm: string }> = {
  pause: {
    label: "Pause",
    title: (name) => `Pause “${name}”?`,
    description: "Calls not yet being placed wait until you resume. Calls ringing now finish as usual.",
    confirm: "Pause calls",
  },
  resume: {
    label: "Resume",
    title: (name) => `Resume “${name}”?`,
    description: "The paused calls get new times from now, with the batch's spacing, inside calling hours.",
    confirm: "Resume calls",
  },
  retry: {
    label: "Retry failed and unanswered",
    title: (name) => `Call again everyone “${name}” did not reach?`,
    description:
      "A new batch calls the patients whose call failed or went unanswered (no answer, busy, voicemail), from now, with the same spacing, script and calling hours.",
    confirm: "Schedule the retries",
  },
};

/** What pausing a sequence that waits for a call back does: the call back keeps its time, the next patient waits. */
const pauseWhileWaiting = (callback: { name: string; at: string }) =>
  `The call back to ${callback.name} still rings at ${callback.at}, as promised. If it ends without a booking, the next patient is not called until you resume.`;

/**
 * Pause, Resume or "Retry failed and unanswered" on a batch, after asking; the answer's message is the toast.
 * `callback`: the call back a sequence waits on (clinic time), which the pause does not hold back.
 */
export function BatchActionButton({
  batch,
  action,
  callback,
}: {
  batch: { id: string; name: string };
  action: BatchAction;
  callback?: { name: string; at: string };
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const words = action === "pause" && callback ? { ...WORDS.pause, description: pauseWhileWaiting(callback) } : WORDS[action];

  async function run() {
    setBusy(true);
    setError(null);
    try {
      const res = await tenantFetch(`/api/call-batches/${encodeURIComponent(batch.id)}/${action}`, { method: "POST" });
      if (!res.ok) {
        setError((await readProblem(res)).detail ?? "Nothing was changed. Try again.");
        return;
      }
      const { message } = (await res.json()) as { message: string };
      toast.success(message);
      setOpen(false);
      router.refresh();
    } catch {
      setError("We couldn't reach Callboard. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)} aria-label={`${words.label}: ${batch.name}`}>
        {words.label}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={words.title(batch.name)}
        description={words.description}
        cancelLabel="Not now"
        confirmLabel={words.confirm}
        busy={busy}
        error={error}
        onConfirm={run}
      />
    </>
  );
}
