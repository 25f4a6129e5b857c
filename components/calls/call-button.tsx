"use client";

import { useState } from "react";
import { Phone } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CallDialog, type CallDialogContact } from "@/components/calls/call-dialog";

/** The green "Call" button of a contact row (or "Call again" on a call's page); the dialog loads its preview only when opened. */
export function CallButton({ contact, label = "Call" }: { contact: CallDialogContact; label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="success"
        size="sm"
        onClick={() => setOpen(true)}
        aria-label={label === "Call" ? `Call ${contact.name}` : `${label}: ${contact.name}`}
        title={contact.doNotCall ? `${contact.name} is on the do-not-call list` : contact.noConsent ? `${contact.name} has agreed to no calls` : undefined}
        disabled={contact.doNotCall || contact.noConsent}
      >
        <Phone aria-hidden="true" />
        {label}
      </Button>
      {open ? <CallDialog contact={contact} open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}
