"use client";

import { useState } from "react";
import { PhoneForwarded } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ClinicZone } from "@/components/scheduling/clinic-time";
import { CallBackDialog, type CallBackTarget } from "@/components/callbacks/call-back-dialog";

/** "Call back" on a call's page: opens the dialog for the call's patient. */
export function CallBackButton({ target, zone, disabled }: { target: CallBackTarget; zone: ClinicZone; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)} disabled={disabled} aria-label={`Call back ${target.name}`}>
        <PhoneForwarded aria-hidden="true" />
        Call back
      </Button>
      {open ? <CallBackDialog target={target} zone={zone} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
