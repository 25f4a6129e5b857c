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

/** Pause, Resume or "Retry failed and unanswered" on a batch, after asking; the answer's message is the toast. */
export function BatchActionButton({ batch, action }: { batch: { id: string; name: string }; action: BatchAction }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const words = WORDS[action];

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
