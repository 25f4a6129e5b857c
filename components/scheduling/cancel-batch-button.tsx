"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { readProblem } from "@/components/forms/problem";
import { tenantFetch } from "@/lib/http/tenant-fetch";

const calls = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "call" : "calls"}`;

/**
 * "Cancel pending" on a batch, after asking: cancelled calls cannot be brought back. `callback`: the call back a
 * sequence waits on, which is cancelled with it (counted in `pending`), so the dialog names it.
 */
export function CancelBatchButton({ batch, callback }: { batch: { id: string; name: string; pending: number }; callback?: { name: string; at: string } }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function cancel() {
    setCancelling(true);
    setError(null);
    try {
      const res = await tenantFetch(`/api/call-batches/${encodeURIComponent(batch.id)}/cancel`, { method: "POST" });
      if (!res.ok) {
        setError((await readProblem(res)).detail ?? "The calls were not cancelled. Try again.");
        return;
      }
      const { cancelled } = (await res.json()) as { cancelled: number };
      toast.success(cancelled === 0 ? "No pending calls were left to cancel" : `Cancelled ${calls(cancelled)}`, {
        description: cancelled === 0 ? "They had started or finished in the meantime." : undefined,
      });
      setOpen(false);
      router.refresh();
    } catch {
      setError("We couldn't reach Callboard. Check your connection and try again.");
    } finally {
      setCancelling(false);
    }
  }

  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)} aria-label={`Cancel pending calls of ${batch.name}`}>
        Cancel pending
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Cancel ${calls(batch.pending)} still to go?`}
        description={`The pending calls of “${batch.name}” will not be placed. Calls already made or ringing now are not affected. To call these patients later, schedule them again from Contacts.${
          callback ? ` This includes the call back to ${callback.name} at ${callback.at}: the waitlist stops, so they are not called back about it.` : ""
        }`}
        cancelLabel="Keep them"
        confirmLabel={`Cancel ${calls(batch.pending)}`}
        busy={cancelling}
        error={error}
        onConfirm={cancel}
      />
    </>
  );
}
