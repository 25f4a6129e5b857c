"use client";

import { useState } from "react";
import { Phone } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CallDialog, type CallDialogContact } from "@/components/calls/call-dialog";

/** The green "Call" button of a contact row; the dialog loads its preview only when opened. */
export function CallButton({ contact }: { contact: CallDialogContact }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="success"
        size="sm"
        onClick={() => setOpen(true)}
        aria-label={`Call ${contact.name}`}
        title={contact.doNotCall ? `${contact.name} is on the do-not-call list` : undefined}
        disabled={contact.doNotCall}
      >
        <Phone aria-hidden="true" />
        Call
      </Button>
      {open ? <CallDialog contact={contact} open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}
