"use client";

import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { readProblem } from "@/components/forms/problem";
import { useContactSelection, type SelectableContact } from "@/components/contacts/selection-store";
import { tenantFetch } from "@/lib/http/tenant-fetch";

/** Asks before deleting, and says what happens to the contact's calls. */
export function DeleteContactDialog({ contact, onClose, onDeleted }: { contact: SelectableContact; onClose: () => void; onDeleted: () => void }) {
  const setSelected = useContactSelection((state) => state.setSelected);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setDeleting(true);
    setError(null);
    try {
      const res = await tenantFetch(`/api/contacts/${encodeURIComponent(contact.id)}`, { method: "DELETE" });
      if (!res.ok && res.status !== 404) {
        setError((await readProblem(res)).detail ?? "The contact was not deleted. Try again.");
        return;
      }
      setSelected([contact], false);
      toast.success(`Deleted ${contact.name}`);
      onDeleted();
      onClose();
    } catch {
      setError("We couldn't reach Callboard. Check your connection and try again.");
    } finally {
      setDeleting(false);
    }
  }

  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => (open ? null : onClose())}
      title={`Delete ${contact.name}?`}
      description="The contact is removed for good, with any calls still scheduled for them. Calls already made stay in the call history, without the link to this contact."
      cancelLabel="Keep contact"
      confirmLabel="Delete contact"
      busy={deleting}
      error={error}
      onConfirm={remove}
    />
  );
}
