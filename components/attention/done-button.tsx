"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Check } from "lucide-react";
import { Button } from "@/components/ui/button";
import { readProblem } from "@/components/forms/problem";
import { tenantFetch } from "@/lib/http/tenant-fetch";

/** "Done" on an item of "Needs attention": the server records who and when (and audits it). */
export function AttentionDoneButton({ target, label }: { target: { callId: string } | { scheduledCallId: string }; label: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  async function markDone() {
    setBusy(true);
    try {
      const res = await tenantFetch("/api/attention/done", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(target) });
      if (!res.ok) toast.error("Not marked done", { description: (await readProblem(res)).detail });
      router.refresh();
    } catch {
      toast.error("Not marked done", { description: "We couldn't reach Callboard. Check your connection and try again." });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button variant="outline" size="sm" loading={busy} onClick={markDone} aria-label={`Done: ${label}`}>
      <Check aria-hidden="true" />
      Done
    </Button>
  );
}
