"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { readProblem } from "@/components/forms/problem";
import { tenantFetch } from "@/lib/http/tenant-fetch";

/** Cancels a check-in's calls that have not rung yet. */
export function CancelCheckInButton({ checkInId, name }: { checkInId: string; name: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  async function cancel() {
    setBusy(true);
    try {
      const res = await tenantFetch(`/api/check-ins/${encodeURIComponent(checkInId)}`, { method: "DELETE" });
      if (!res.ok) toast.error(`The check-in for ${name} was not cancelled`, { description: (await readProblem(res)).detail });
      else toast.success(((await res.json()) as { message: string }).message);
      router.refresh();
    } catch {
      toast.error(`The check-in for ${name} was not cancelled`, { description: "We couldn't reach Callboard. Check your connection and try again." });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button
      variant="ghost"
      size="sm"
      className="text-red-700 hover:bg-red-50 hover:text-red-800"
      loading={busy}
      onClick={cancel}
      aria-label={`Cancel the rest of the check-in for ${name}`}
    >
      Cancel the rest
    </Button>
  );
}
